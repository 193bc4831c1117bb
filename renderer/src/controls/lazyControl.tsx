import { lazy, Suspense, type ComponentType } from "react";
import type { ControlType } from "@weft/protocol/controls";
import type { ServerMessage, WireNode } from "@weft/protocol";
import type { StoreNode } from "../NodeStore.ts";
import { baseAttributes, type ControlComponentProps } from "./common.ts";

/**
 * Controls whose components live in chunks of their own, fetched the first time a page shows
 * one. The first load carries only the controls most pages draw (text, buttons, fields, layout,
 * the app bar): a counter does not download the data table, the tabs or the gesture detector,
 * and each Flet control added later grows the first load of only the pages that use it.
 *
 * A page never shows a lazy control half-loaded: `holdForControlChunks` keeps each server
 * message that brings a node of a lazy type, and those after it, until the type's chunk has
 * arrived (as a React Server Components client preloads the chunks a payload names), so the
 * page draws in one piece and nothing shifts when a chunk lands. The Suspense fallback is a
 * safety net for a node that reaches the store some other way.
 */
interface LazyEntry {
  load: () => Promise<ComponentType<never>>;
  loading?: Promise<unknown>;
  component?: ComponentType<never>;
}
const lazyTypes = new Map<string, LazyEntry>();
/** How many lazy types have no component yet: once none, a message is not even walked. */
let unloaded = 0;

/** The component for control `type`, from the chunk `load` imports; controls of one module share its `import()`. */
export function lazyControl<T extends ControlType, M>(type: T, load: () => Promise<M>, pick: (module: M) => ComponentType<ControlComponentProps<T>>): ComponentType<ControlComponentProps<T>> {
  const entry: LazyEntry = {
    load: async () => {
      const component = pick(await load()) as ComponentType<never>;
      if (!entry.component) unloaded--;
      return (entry.component = component);
    },
  };
  lazyTypes.set(type, entry);
  unloaded++;
  const Loading = lazy(async () => ({ default: (await loadChunk(entry).catch(() => ChunkMissing)) as ComponentType<ControlComponentProps<T>> }));
  function LazyControl(props: ControlComponentProps<T>) {
    const Loaded = entry.component as ComponentType<ControlComponentProps<T>> | undefined;
    if (Loaded) return <Loaded {...props} />;
    return (
      <Suspense fallback={null}>
        <Loading {...props} />
      </Suspense>
    );
  }
  return LazyControl;
}

/** The entry's chunk, loading once; after a failure the next message that needs it tries again. */
function loadChunk(entry: LazyEntry): Promise<unknown> {
  return (entry.loading ??= entry.load().catch((error: unknown) => {
    entry.loading = undefined;
    throw error;
  }));
}

/** Drawn where a control's chunk could not be fetched: named, so the rest of the page goes on. */
function ChunkMissing({ node }: { node: StoreNode }) {
  return (
    <div {...baseAttributes(node, "weft-unknown")}>
      <div className="weft-unknown-label">{node.t} could not be loaded (offline?): reload the page</div>
    </div>
  );
}

/** The chunks `message` needs that are not loaded yet, loading; null when it can be applied now. */
export function controlChunksFor(message: ServerMessage): Promise<unknown> | null {
  if (unloaded === 0) return null;
  const waits: Promise<unknown>[] = [];
  const visit = (node: WireNode) => {
    const entry = lazyTypes.get(node.t);
    if (entry && !entry.component) waits.push(loadChunk(entry));
    if (node.c) for (const slot in node.c) for (const child of node.c[slot]!) visit(child);
  };
  if (message.type === "registered" && typeof message.page === "object" && message.page !== null) visit(message.page);
  if (message.type === "patch" && Array.isArray(message.ops)) for (const op of message.ops) if (op.op === "insert") visit(op.node);
  return waits.length > 0 ? Promise.all(waits) : null;
}

/**
 * `handle`, with the messages that bring a lazy control held (in order, with those behind them)
 * until its chunk has loaded. A chunk that fails to load (the network went away) releases the
 * message anyway: the control tries once more as it draws, then says it could not be loaded, and
 * the rest of the page lives.
 */
export function holdForControlChunks(handle: (message: ServerMessage) => void): (message: ServerMessage) => void {
  let held: ServerMessage[] | null = null;
  const release = async (first: Promise<unknown>) => {
    let waiting: Promise<unknown> | null = first;
    while (held!.length > 0) {
      if (waiting) await waiting.catch((error: unknown) => console.error("[weft] a control's chunk failed to load:", error));
      const message = held!.shift()!;
      try {
        handle(message);
      } catch (error) {
        // As a throw from the socket's message callback would be: logged, and the next one goes on.
        console.error("[weft] a message could not be applied:", error);
      }
      waiting = held!.length > 0 ? controlChunksFor(held![0]!) : null;
    }
    held = null;
  };
  return (message) => {
    if (held) return void held.push(message);
    const waiting = controlChunksFor(message);
    if (!waiting) return handle(message);
    held = [message];
    void release(waiting);
  };
}
