import { commands } from "./commands.ts";
import { weftVersion } from "./version.ts";

/** `weft help`: every command with its synopsis, and how to learn more. */
export function usage(): string {
  const lines = [`weft ${weftVersion()}`, "", "Usage:"];
  for (const info of Object.values(commands)) lines.push(...info.synopsis.map((s) => `  ${s}`));
  lines.push("  weft help [command]", "  weft --version", "", "Commands:");
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  for (const [name, info] of Object.entries(commands)) lines.push(`  ${name.padEnd(width)}  ${info.summary}`);
  lines.push("", "weft help <command> says more about one.");
  return lines.join("\n");
}

/** `weft help <command>`: its synopsis, what it does and its flags; undefined for no such command. */
export function commandHelp(name: string): string | undefined {
  const info = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!info) return undefined;
  return ["Usage:", ...info.synopsis.map((s) => `  ${s}`), "", `${info.summary[0]!.toUpperCase()}${info.summary.slice(1)}.`, ...(info.details ? ["", info.details] : [])].join("\n");
}
