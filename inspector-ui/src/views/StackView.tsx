import { parseStack } from "../model/stackFrames.ts";
import { useInspector } from "../useStore.ts";
import { relativePath } from "./format.ts";
import "./StackView.css";

/**
 * A stack trace whose frames open the editor at their line (`vscode://file/…`, what VS Code and
 * the sidebar's webview understand), the app's own frames in full and weft's and Node's dimmed:
 * the line to look at stands out.
 */
export function StackView({ stack }: { stack: string }) {
  const store = useInspector();
  const root = store.hello?.app.root;
  return (
    <pre className="stack" data-testid="stack">
      {parseStack(stack, root).map((f, i) => (
        <span key={i} className={`stack-line ${f.framework ? "is-framework" : "is-app"}`} data-framework={f.framework}>
          {f.file !== undefined ? (
            <>
              {"    at "}
              {f.fn && `${f.fn} `}
              <a className="stack-link" href={`vscode://file${f.file}:${f.line}:${f.column}`} title={`Open ${f.file}:${f.line} in the editor`}>
                {relativePath(f.file, root)}:{f.line}:{f.column}
              </a>
            </>
          ) : (
            f.text
          )}
          {"\n"}
        </span>
      ))}
    </pre>
  );
}

/** An error as the panels show it: its name and message, and its stack folded below. */
export function ErrorText({ error, className }: { error: { name: string; message: string; stack?: string }; className: string }) {
  return (
    <>
      <div className={className}>
        {error.name}: {error.message}
      </div>
      {error.stack && (
        <details>
          <summary className="dim">stack</summary>
          <StackView stack={error.stack} />
        </details>
      )}
    </>
  );
}
