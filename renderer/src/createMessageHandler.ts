import type { ClientMessage, ServerMessage } from "@weft/protocol";
import { handleInvoke } from "./handleInvoke.ts";
import type { StatusStore } from "./StatusStore.ts";
import type { NodeStore } from "./NodeStore.ts";

export interface MessageHandlerDeps {
  store: NodeStore;
  status: StatusStore;
  send: (message: ClientMessage) => boolean;
}

/** Routes each server message to the store, the banners or `invoke`. */
export function createMessageHandler({ store, status, send }: MessageHandlerDeps): (message: ServerMessage) => void {
  return (message) => {
    switch (message.type) {
      case "registered":
        if (typeof message.page !== "object" || message.page === null) {
          console.error("[weft] 'registered' without a page:", message);
          return;
        }
        store.replace(message.page);
        status.setCrashed(undefined);
        return;
      case "patch": {
        if (!Array.isArray(message.ops)) {
          console.error("[weft] 'patch' without an ops array:", message);
          return;
        }
        const errors = store.applyPatch(message.ops);
        if (errors.length > 0) {
          // Loud on purpose: the browser's tree no longer matches the server's.
          for (const err of errors) console.error(`[weft] ${err.code}: ${err.message}`, err.op);
          status.pushError(
            "RENDERER_STORE",
            `${errors.length} patch op(s) could not be applied (${errors[0]!.message}); the page may be out of date, refresh to resync`,
          );
        }
        return;
      }
      case "invoke":
        void handleInvoke(message).then((reply) => {
          if (!send(reply)) console.warn(`[weft] reply to call ${message.callId} (${message.method}) dropped: not connected`);
        });
        return;
      case "error":
        console.error(`[weft] server error ${message.code}: ${message.message}`, message.id ?? "");
        status.pushError(message.code, message.message, message.id);
        return;
      case "crashed":
        console.error(`[weft] session crashed: ${message.message}`);
        status.setCrashed(message.message);
        return;
      default: {
        const unknown: never = message;
        console.error("[weft] ignored a message of unknown type:", (unknown as { type: unknown }).type);
      }
    }
  };
}
