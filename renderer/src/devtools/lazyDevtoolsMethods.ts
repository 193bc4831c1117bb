import type { ControlId, PropValue } from "@weft/protocol";

/** A method the server may call in the browser (handleInvoke.ts). Throwing replies with the error's message. */
export type InvokeMethod = (args: readonly PropValue[], id: ControlId | undefined) => PropValue | Promise<PropValue>;

/** The methods of devtoolsMethods.ts, by name. */
export const DEVTOOLS_METHODS = ["devtools.highlight", "devtools.pick"] as const;
export type DevtoolsMethod = (typeof DEVTOOLS_METHODS)[number];

/**
 * The inspector's methods as handleInvoke sees them: their code (devtoolsMethods.ts, the
 * highlight, the picker) is a chunk of its own, fetched the first time a tool calls one, so an
 * app page no inspector looks at never downloads it.
 */
export const lazyDevtoolsMethods = Object.fromEntries(
  DEVTOOLS_METHODS.map((name): [DevtoolsMethod, InvokeMethod] => [name, async (args, id) => (await import("./devtoolsMethods.ts")).devtoolsMethods[name](args, id)]),
) as Record<DevtoolsMethod, InvokeMethod>;
