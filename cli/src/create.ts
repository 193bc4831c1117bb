import { main as createWeft } from "create-weft";

/** `weft create <dir>`: the same as `npm create weft@latest <dir>`, from an installed weft. */
export async function command(argv: string[]): Promise<number> {
  return createWeft(argv, "weft create");
}
