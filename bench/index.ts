import { existsSync } from "node:fs";

/**
 * `npm run bench`: every benchmark of the repository in one run, so figures that are compared
 * (ratios) come from the same machine at the same moment. Each module prints its own section.
 * `npm run bench -- startup pubsub`: only the sections named.
 */
const sections = ["./runtime.ts", "./compression.ts", "./dev.ts", "./inspector.ts", "./firstLoad.ts", "./static.ts", "./load.ts", "./pubsub.ts", "./fuzz.ts", "./startup.ts"];

const only = process.argv.slice(2);
const unknown = only.filter((name) => !sections.includes(`./${name}.ts`));
if (unknown.length > 0) {
  console.error(`bench: no section ${unknown.join(", ")}; the sections: ${sections.map((s) => s.slice(2, -3)).join(", ")}`);
  process.exit(2);
}
for (const section of sections) {
  if (!existsSync(new URL(section, import.meta.url))) continue;
  if (only.length > 0 && !only.some((name) => section === `./${name}.ts`)) continue;
  const mod = (await import(section)) as { run(): Promise<void> };
  await mod.run();
}
