import { existsSync } from "node:fs";

/**
 * `npm run bench`: every benchmark of the repository in one run, so figures that are compared
 * (ratios) come from the same machine at the same moment. Each module prints its own section.
 */
const sections = ["./runtime.ts", "./compression.ts", "./dev.ts", "./inspector.ts", "./firstLoad.ts", "./static.ts", "./load.ts", "./pubsub.ts", "./fuzz.ts", "./startup.ts"];

for (const section of sections) {
  if (!existsSync(new URL(section, import.meta.url))) continue;
  const mod = (await import(section)) as { run(): Promise<void> };
  await mod.run();
}
