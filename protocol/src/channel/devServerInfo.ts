/**
 * `<workspace>/.weft/devserver-<pid>.json`, one per running devserver: where tools that were
 * not started by `weft dev` (the VS Code extension) find them. The devserver writes it
 * (devserver/src/workspaceFile.ts); tools read it and check every field, since it is input.
 */
export interface DevServerInfo {
  version: 1;
  pid: number;
  /** The app's URL. */
  app: string;
  /** The inspector's URL, with the token. */
  inspector: string;
  /** The channel's WebSocket URL, without the token. */
  channel: string;
  token: string;
  /** The app's entry module, absolute. */
  entry: string;
  startedAt: number;
}
