/**
 * How every tool names a control in a line of text: `Button#inc` by its key (what the app's code
 * and its tests say), `Text@12` by its id when it has none. `#` always means a key, as in the
 * inspector's search and the replay's differences; `@` always an id.
 */
export function controlLabel(type: string, id: number, key?: unknown): string {
  return key === undefined || key === null ? `${type}@${id}` : `${type}#${String(key)}`;
}
