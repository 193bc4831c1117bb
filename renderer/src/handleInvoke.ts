import type { ControlId, InvokeMessage, PropValue, ReplyMessage } from "@weft/protocol";
import { lazyDevtoolsMethods, type InvokeMethod } from "./devtools/lazyDevtoolsMethods.ts";

/**
 * The browser side of `invoke`: `page.clientStorage` (localStorage, values stored as JSON, as
 * Flet's client_storage does), `Clipboard` and `control.focus()`. Add a method here and it is callable.
 */
const methods: Record<string, InvokeMethod> = {
  ...lazyDevtoolsMethods, // the inspector's highlight and pick, loaded on the first call (devtools/lazyDevtoolsMethods.ts)
  focus: async (_args, id) => {
    if (id === undefined) throw new Error("focus needs the id of a control");
    // The control may have arrived in the patch just before this call; give React a frame to draw it.
    const element = findElement(id) ?? (await nextFrame(), findElement(id));
    if (!element) throw new Error(`focus: control ${id} is not on screen (hidden, or not mounted)`);
    const target = element.matches(FOCUSABLE) ? element : element.querySelector<HTMLElement>(FOCUSABLE);
    (target ?? element).focus();
    return null;
  },
  // Flet's Clipboard service. Writing needs the user's gesture (the click whose handler called
  // it still counts), reading the user's permission; a refusal is the browser's error.
  "clipboard.set": async (args) => {
    await navigator.clipboard.writeText(stringArg(args, 0, "clipboard.set", "value"));
    return null;
  },
  "clipboard.get": async () => await navigator.clipboard.readText(),
  "clientStorage.get": (args) => {
    const raw = localStorage.getItem(stringArg(args, 0, "clientStorage.get", "key"));
    if (raw === null) return null;
    try {
      return JSON.parse(raw) as PropValue;
    } catch {
      // Written by something other than weft: hand it over as the string it is.
      return raw;
    }
  },
  "clientStorage.set": (args) => {
    const key = stringArg(args, 0, "clientStorage.set", "key");
    localStorage.setItem(key, JSON.stringify(args[1] ?? null));
    return null;
  },
  "clientStorage.remove": (args) => {
    localStorage.removeItem(stringArg(args, 0, "clientStorage.remove", "key"));
    return null;
  },
  "clientStorage.containsKey": (args) => localStorage.getItem(stringArg(args, 0, "clientStorage.containsKey", "key")) !== null,
  "clientStorage.keys": (args) => {
    const prefix = args[0] == null ? "" : stringArg(args, 0, "clientStorage.keys", "prefix");
    const keys: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key !== null && key.startsWith(prefix)) keys.push(key);
    }
    return keys;
  },
};

const FOCUSABLE = "input, textarea, select, button, [tabindex]";

/** Runs an `invoke` and builds its `reply`. Never rejects: failures become `error`. */
export async function handleInvoke(message: InvokeMessage): Promise<ReplyMessage> {
  const method = Object.hasOwn(methods, message.method) ? methods[message.method] : undefined;
  if (!method) {
    return {
      type: "reply",
      callId: message.callId,
      error: `unknown method '${message.method}'; this renderer knows ${Object.keys(methods).join(", ")}`,
    };
  }
  try {
    const result = await method(Array.isArray(message.args) ? message.args : [], message.id);
    return { type: "reply", callId: message.callId, result };
  } catch (err) {
    return { type: "reply", callId: message.callId, error: err instanceof Error ? err.message : String(err) };
  }
}

function findElement(id: ControlId): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-weft-id="${Number(id)}"]`);
}

function stringArg(args: readonly PropValue[], index: number, method: string, name: string): string {
  const value = args[index];
  if (typeof value !== "string") throw new Error(`${method}: args[${index}] (${name}) must be a string, got ${JSON.stringify(value)}`);
  return value;
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}
