import { createWeftServer } from "weft/server";
import { loadApp } from "./loadApp.ts";

export interface RunOptions {
  app: string;
  port?: number;
  host?: string;
  resumeWindowMs?: number;
}

/** `weft run`: serves the app until SIGINT/SIGTERM. */
export async function runCommand(options: RunOptions): Promise<number> {
  const { main } = await loadApp(options.app);
  const server = await createWeftServer({
    main,
    port: options.port,
    host: options.host,
    ...(options.resumeWindowMs !== undefined ? { resumeWindowMs: options.resumeWindowMs } : {}),
  });
  console.log(`App: ${server.url}`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await server.close();
  return 0;
}
