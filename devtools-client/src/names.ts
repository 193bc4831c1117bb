import { controlLabel, type ControlInfo } from "@weft/protocol/channel";

/** `Button#inc` (by key) or `Text@12` (by id): how the tools name a control in lists and messages. */
export function nameOf(info: Pick<ControlInfo, "id" | "type" | "name" | "key">): string {
  return controlLabel(info.name ?? info.type, info.id, info.key);
}

/**
 * `Button#inc "+"`, `TodoItem(Row)#todo-milk`, `Text@12 "Hello"`: the name, the drawn type when it
 * differs, and the summary; the notation of the inspector's tree rows, for a line of text (the
 * VS Code tree, test output, the clipboard).
 */
export function describeNode(info: Pick<ControlInfo, "id" | "type" | "name" | "key" | "summary">): string {
  const type = info.name ? `${info.name}(${info.type})` : info.type;
  return `${controlLabel(type, info.id, info.key)}${info.summary !== undefined ? ` ${info.summary}` : ""}`;
}
