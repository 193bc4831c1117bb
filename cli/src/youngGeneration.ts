import { setFlagsFromString } from "node:v8";

/**
 * V8 grows its young generation (the semi-spaces where new objects are made) whenever much of it
 * survives a collection, up to 16 MiB, and gives the pages back only under memory pressure. A
 * process loading its modules is nearly all survivors, so `weft run`'s start-up alone grew it to
 * 8 MiB, resident for the life of a server that then needs a fraction of it: 5 MiB of its
 * 70 MiB with one session. So the young generation is held at its first size while the command
 * starts, and V8's own growth is back once the app is served: a server under load still sizes
 * it for its traffic. (The flag is read at each growth, so changing it while running is safe.)
 */
export function holdYoungGeneration(): void {
  setFlagsFromString("--semi-space-growth-factor=1");
}

/** V8's default again (`node --v8-options`: `--semi-space-growth-factor=2`). */
export function releaseYoungGeneration(): void {
  setFlagsFromString("--semi-space-growth-factor=2");
}
