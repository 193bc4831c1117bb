import { existsSync } from "node:fs";

/**
 * `npm run bench`: every benchmark of the repository in one run, so figures that are compared
 * (ratios) come from the same machine at the same moment. Each module prints its own section.
 * `npm run bench -- static inspector` runs only the named sections (file names without `.ts`).
 */
const sections = ["runtime", "compression", "dev", "inspector", "firstLoad", "static", "load", "pubsub", "fuzz", "startup"];
const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !sections.includes(name));
if (unknown.length > 0) {
  console.error(`unknown bench section: ${unknown.join(", ")} (sections: ${sections.join(", ")})`);
  process.exit(2);
}

for (const section of chosen.length > 0 ? chosen : sections) {
  const file = new URL(`./${section}.ts`, import.meta.url);
  if (!existsSync(file)) continue;
  const mod = (await import(file.href)) as { run(): Promise<void> };
  await mod.run();
}
