/** One line of a stack trace, with where it points when it names a file. */
export interface StackFrame {
  text: string;
  /** The function, when the line names one. */
  fn?: string;
  /** An absolute path (no `file://`), 1-based line and column. */
  file?: string;
  line?: number;
  column?: number;
  /** Not the app's own code (weft, node_modules, Node's internals): shown dimmed. */
  framework: boolean;
}

const FRAME = /^\s*at (?:(async )?(.*?) \()?(.+?):(\d+):(\d+)\)?$/;

/**
 * A V8 stack (`Error: boom\n    at onClick (/app/todo.ts:12:5)`) cut into lines, each frame with
 * its file and position so the view can link it to the editor. A frame is the app's when its file
 * is under the app's folder and not in node_modules; the rest (weft's runtime, Node) is dimmed.
 */
export function parseStack(stack: string, appRoot: string | undefined): StackFrame[] {
  return stack.split("\n").map((text) => {
    const m = FRAME.exec(text);
    if (!m) return { text, framework: false };
    let file = m[3]!;
    if (file.startsWith("file://")) {
      try {
        file = decodeURIComponent(new URL(file).pathname);
      } catch {
        // keep it as it is
      }
    }
    const internal = file.startsWith("node:") || file.startsWith("internal/") || !file.startsWith("/");
    const app = !internal && appRoot !== undefined && file.startsWith(appRoot.endsWith("/") ? appRoot : appRoot + "/") && !file.includes("/node_modules/");
    const frame: StackFrame = { text, framework: !app, line: Number(m[4]), column: Number(m[5]) };
    if (!internal) frame.file = file;
    if (m[2]) frame.fn = m[2];
    return frame;
  });
}
