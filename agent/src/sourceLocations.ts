import { Session as InspectorSession } from "node:inspector";
import { findSourceMap } from "node:module";
import { dirname, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Control, HookEvent, WeftHook, WeftInspection } from "weft";
import type { SourceLocation } from "@weft/protocol/channel";

/**
 * Where things are in the app's source, for "reveal in editor": the line that created a control
 * (Flutter's `--track-widget-creation`, done here with a stack trace at construction) and the
 * definition of a handler (from V8's `[[FunctionLocation]]` through the inspector protocol).
 * Both are mapped through the source maps Node keeps for the app's modules: Vite's module runner
 * turns them on (`process.setSourceMapsEnabled`) and gives each module an inline map, so the
 * positions are those of the `.ts` file the author wrote.
 *
 * Dev only: the agent creates one of these under `weft dev`. Without a listener the runtime
 * never emits `create`, so `weft run` pays nothing.
 */
export interface SourceLocator {
  /** Where `control` was created, or null (weft made it, or it was built before we attached). */
  creationSite(control: Control): SourceLocation | null;
  /** Where `fn` is defined, or null (native, or not in a file). */
  functionLocation(fn: Function): SourceLocation | null;
  /** Stops recording creation sites and closes the inspector session. */
  dispose(): void;
}

export interface SourceLocatorOptions {
  hook: WeftHook;
  /** Record creation sites (one stack capture per construction). Default true. */
  creationSites?: boolean;
}

/** How many frames a capture looks at: the hook, the control's constructors, then the app. */
const STACK_FRAMES = 12;

export function createSourceLocator(options: SourceLocatorOptions): SourceLocator {
  const sites = new WeakMap<Control, SourceLocation | null>();
  /**
   * Stack traces captured at construction, not yet read. Capturing is cheap; turning a trace
   * into call sites and mapping them is not, and a hot swap constructs every control of every
   * session again: the work is done when a tool asks (`creationSite`), once per control.
   */
  const traces = new WeakMap<Control, object>();
  /** Files of weft itself (the runtime's folder), learnt from the first capture. */
  let internalDir: string | null = null;

  const onEvent = (event: HookEvent) => {
    if (event.type !== "create") return;
    const trace = captureTrace();
    traces.set(event.control, trace);
    sites.delete(event.control); // a hot swap handed the control to the new code's line
  };
  const creationSite = (control: Control): SourceLocation | null => {
    const known = sites.get(control);
    if (known !== undefined) return known;
    const trace = traces.get(control);
    if (!trace) return null;
    traces.delete(control);
    const frames = callSitesOf(trace);
    let site: SourceLocation | null = null;
    if (frames && frames.length > 0) {
      // frames[0] is the hook's emit, in the runtime's top folder: everything under it is weft.
      internalDir ??= dirOf(fileOf(frames[0]!));
      site = pickCreationSite(frames, control, internalDir);
    }
    sites.set(control, site);
    return site;
  };
  const unsubscribe = options.creationSites === false ? () => {} : options.hook.subscribe(onEvent);
  const inspector = new FunctionLocator();

  return {
    creationSite,
    functionLocation: (fn) => inspector.locate(fn),
    dispose() {
      unsubscribe();
      inspector.close();
    },
  };
}

/**
 * A stack trace, unformatted: V8 keeps the frames of a new Error and formats them only when
 * `stack` is first read (callSitesOf does, with a `prepareStackTrace` that hands back call
 * sites). `new Error()` costs a third of `Error.captureStackTrace` on a plain object (which adds
 * an accessor to it); its two top frames (this function, the hook listener) are dropped when read.
 */
const OWN_FRAMES = 2;
function captureTrace(): object {
  const limit = Error.stackTraceLimit;
  try {
    Error.stackTraceLimit = STACK_FRAMES + OWN_FRAMES;
    return new Error();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function callSitesOf(trace: object): NodeJS.CallSite[] | null {
  const prepare = Error.prepareStackTrace;
  try {
    Error.prepareStackTrace = (_error, frames) => frames;
    const stack = (trace as { stack?: unknown }).stack;
    return Array.isArray(stack) ? (stack as NodeJS.CallSite[]).slice(OWN_FRAMES) : null;
  } finally {
    Error.prepareStackTrace = prepare;
  }
}

// ---------------------------------------------------------------- creation sites

/**
 * The app's frame that made the control: the first one outside weft and node_modules that is
 * not a constructor of the control's own class chain. For `new TodoItem(...)`, whose constructor
 * calls `super(...)`, that is the `new TodoItem` line, not the `super` line inside the class.
 */
function pickCreationSite(frames: NodeJS.CallSite[], control: Control, internalDir: string | null): SourceLocation | null {
  const chain = new Set<string>();
  for (let c = control.constructor as Function | null; c && c !== Function.prototype; c = Object.getPrototypeOf(c) as Function | null) {
    if (c.name) chain.add(c.name);
  }
  let fallback: NodeJS.CallSite | null = null;
  for (const frame of frames) {
    const file = fileOf(frame);
    if (!file || file.startsWith("node:") || isInternal(file, internalDir)) continue;
    if (frame.isConstructor() && chain.has(frame.getFunctionName() ?? "")) {
      fallback ??= frame;
      continue;
    }
    if (file.includes(`${sep}node_modules${sep}`) || file.includes("/node_modules/")) {
      fallback ??= frame;
      continue;
    }
    return locationOf(frame);
  }
  return fallback ? locationOf(fallback) : null;
}

function isInternal(file: string, internalDir: string | null): boolean {
  if (!internalDir) return false;
  const path = toPath(file);
  return path.startsWith(internalDir + sep) || path.startsWith(internalDir + "/");
}

/** Code that Vite's runner evaluates (`new AsyncFunction`) has no file name, only its `//# sourceURL`. */
function fileOf(frame: NodeJS.CallSite): string | null {
  return frame.getFileName() || frame.getScriptNameOrSourceURL() || null;
}

function locationOf(frame: NodeJS.CallSite): SourceLocation | null {
  const file = fileOf(frame);
  const line = frame.getLineNumber();
  const column = frame.getColumnNumber();
  if (!file || line === null || column === null) return null;
  return mapPosition(file, line - 1, column - 1);
}

// ---------------------------------------------------------------- source maps

/**
 * Maps a 0-based position in a script (as V8 reports it) to the author's file, 1-based. Uses
 * the map Node cached for that script (Vite's module runner gives every module an inline map,
 * with the `new AsyncFunction` wrapper's lines already accounted for). Without a map the
 * position is taken as it is: a plain `.js` file, or a loader that keeps lines.
 */
export function mapPosition(script: string, line: number, column: number): SourceLocation {
  const map = sourceMapOf(script);
  if (map) {
    const entry = map.findEntry(line, column) as Partial<{ originalSource: string; originalLine: number; originalColumn: number }>;
    if (entry && typeof entry.originalSource === "string" && typeof entry.originalLine === "number") {
      return { file: toPath(entry.originalSource), line: entry.originalLine + 1, column: (entry.originalColumn ?? 0) + 1 };
    }
  }
  return { file: toPath(script), line: line + 1, column: column + 1 };
}

function sourceMapOf(script: string) {
  try {
    return findSourceMap(script) ?? (script.startsWith("/") ? findSourceMap(pathToFileURL(script).href) : undefined);
  } catch {
    return undefined;
  }
}

function toPath(fileOrUrl: string): string {
  if (fileOrUrl.startsWith("file://")) {
    try {
      return fileURLToPath(fileOrUrl);
    } catch {
      return fileOrUrl;
    }
  }
  return fileOrUrl;
}

function dirOf(file: string | null): string | null {
  return file ? dirname(toPath(file)) : null;
}

// ---------------------------------------------------------------- handler definitions

interface InspectorLocation {
  scriptId: string;
  lineNumber: number;
  columnNumber: number;
}

/**
 * A function's definition through the inspector protocol, in this process: `Runtime.getProperties`
 * on the function gives `[[FunctionLocation]]` (script id, line, column); the script's URL comes
 * from the `Debugger.scriptParsed` events that `Debugger.enable` replays for every loaded script.
 * The debugger is enabled only for that replay (a few hundred scripts: ~100–150 ms, once, and
 * again only when a function lives in a script loaded since, such as a swapped module), because
 * leaving it on keeps every script the swaps replace alive.
 *
 * An in-thread inspector session answers synchronously, so this is a plain function call.
 */
class FunctionLocator {
  private session: InspectorSession | null = null;
  private readonly scripts = new Map<string, string>();
  private readonly cache = new WeakMap<Function, SourceLocation | null>();

  locate(fn: Function): SourceLocation | null {
    if (this.cache.has(fn)) return this.cache.get(fn)!;
    let location: SourceLocation | null = null;
    try {
      location = this.lookup(fn, 0);
    } catch {
      location = null; // no inspector (a locked-down runtime), or a function it cannot see into
    }
    this.cache.set(fn, location);
    return location;
  }

  close(): void {
    this.session?.disconnect();
    this.session = null;
  }

  private lookup(fn: Function, depth: number): SourceLocation | null {
    const raw = this.rawLocation(fn);
    if (!raw) return null;
    if ("target" in raw) return depth < 4 ? this.lookup(raw.target, depth + 1) : null;
    let url = this.scripts.get(raw.scriptId);
    if (url === undefined) {
      this.learnScripts();
      url = this.scripts.get(raw.scriptId);
    }
    if (!url) return null;
    return mapPosition(url, raw.lineNumber, raw.columnNumber);
  }

  /** `[[FunctionLocation]]`, or for a bound function its `[[TargetFunction]]`. */
  private rawLocation(fn: Function): InspectorLocation | { target: Function } | null {
    const key = "__weftSourceProbe__";
    const global = globalThis as Record<string, unknown>;
    global[key] = fn;
    let objectId: string | undefined;
    try {
      const evaluated = this.post<{ result: { objectId?: string } }>("Runtime.evaluate", { expression: `globalThis.${key}` });
      objectId = evaluated.result.objectId;
      if (!objectId) return null;
      const props = this.post<{ internalProperties?: { name: string; value?: { value?: unknown } }[] }>("Runtime.getProperties", {
        objectId,
        ownProperties: true,
      });
      const internal = props.internalProperties ?? [];
      const location = internal.find((p) => p.name === "[[FunctionLocation]]")?.value?.value as InspectorLocation | undefined;
      if (location) return location;
      const bound = internal.find((p) => p.name === "[[TargetFunction]]");
      return bound ? this.boundTarget(fn) : null;
    } finally {
      delete global[key];
      if (objectId) this.post("Runtime.releaseObject", { objectId });
    }
  }

  /** A bound function's target, fetched as a value of its own through the protocol. */
  private boundTarget(fn: Function): { target: Function } | null {
    const key = "__weftSourceTarget__";
    const global = globalThis as Record<string, unknown>;
    global["__weftSourceProbe__"] = fn;
    try {
      const evaluated = this.post<{ result: { objectId?: string } }>("Runtime.evaluate", { expression: "globalThis.__weftSourceProbe__" });
      const objectId = evaluated.result.objectId;
      if (!objectId) return null;
      const props = this.post<{ internalProperties?: { name: string; value?: { objectId?: string } }[] }>("Runtime.getProperties", { objectId, ownProperties: true });
      const targetId = props.internalProperties?.find((p) => p.name === "[[TargetFunction]]")?.value?.objectId;
      this.post("Runtime.releaseObject", { objectId });
      if (!targetId) return null;
      this.post("Runtime.callFunctionOn", { objectId: targetId, functionDeclaration: `function () { globalThis.${key} = this; }` });
      this.post("Runtime.releaseObject", { objectId: targetId });
      const target = global[key];
      return typeof target === "function" ? { target } : null;
    } finally {
      delete global["__weftSourceProbe__"];
      delete global[key];
    }
  }

  /** Replays `Debugger.scriptParsed` for every loaded script, then turns the debugger off again. */
  private learnScripts(): void {
    const session = this.connect();
    const onScript = (message: { params: { scriptId: string; url: string } }) => {
      if (message.params.url) this.scripts.set(message.params.scriptId, message.params.url);
    };
    session.on("Debugger.scriptParsed", onScript);
    try {
      this.post("Debugger.enable");
    } finally {
      this.post("Debugger.disable");
      session.off("Debugger.scriptParsed", onScript);
    }
  }

  private connect(): InspectorSession {
    if (!this.session) {
      this.session = new InspectorSession();
      this.session.connect();
    }
    return this.session;
  }

  /** One protocol call; an in-thread session calls back before `post` returns. */
  private post<T = unknown>(method: string, params?: object): T {
    const session = this.connect();
    let done = false;
    let result: T | undefined;
    let failure: Error | null = null;
    session.post(method, params ?? {}, (err, value) => {
      done = true;
      failure = err;
      result = value as T;
    });
    if (!done) throw new Error(`weft agent: the inspector did not answer ${method} synchronously`);
    if (failure) throw failure;
    return result as T;
  }
}

// ---------------------------------------------------------------- the control at the cursor

/** How far above the cursor a creation site may be and still count (a `new X({` spread over lines). */
const NEAREST_ABOVE_LINES = 20;

/**
 * The controls under `root` created on `line` of `file`, in tree order; when none, those created
 * on the nearest line above it (within a few lines: the cursor on a prop of a multi-line
 * `new Button({ … })`). A line that builds controls in a loop yields several.
 */
export function controlsCreatedAt(
  inspection: WeftInspection,
  root: Control,
  file: string,
  line: number,
  siteOf: (control: Control) => SourceLocation | null,
): { ids: number[]; line: number | null } {
  const byLine = new Map<number, number[]>();
  const walk = (control: Control) => {
    const site = siteOf(control);
    if (site && site.file === file && site.line <= line && site.line > line - NEAREST_ABOVE_LINES) {
      let ids = byLine.get(site.line);
      if (!ids) byLine.set(site.line, (ids = []));
      ids.push(control.id);
    }
    for (const [, children] of inspection.children(control)) for (const child of children) walk(child);
  };
  walk(root);
  if (byLine.size === 0) return { ids: [], line: null };
  const best = Math.max(...byLine.keys());
  return { ids: byLine.get(best)!, line: best };
}
