import type { ControlInfo } from "@weft/protocol/channel";

/** `Button#inc` (by key) or `Text#12` (by id): how the tools name a control in lists and messages. */
export function nameOf(info: Pick<ControlInfo, "id" | "type" | "name" | "key">): string {
  return `${info.name ?? info.type}#${info.key ?? info.id}`;
}

/** `TodoItem(Row) "todo-milk" #12`: the name, the drawn type when different, the key, the id. */
export function describeNode(info: Pick<ControlInfo, "id" | "type" | "name" | "key">): string {
  const name = info.name ? `${info.name}(${info.type})` : info.type;
  return `${name}${info.key !== undefined ? ` "${info.key}"` : ""} #${info.id}`;
}
