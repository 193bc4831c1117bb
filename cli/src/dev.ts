/** `weft dev`: not built yet. */
export async function command(_argv: string[]): Promise<number> {
  console.error("weft dev: not available in this version yet");
  return 2;
}
