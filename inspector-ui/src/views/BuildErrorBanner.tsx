import { useTopics } from "../useStore.ts";
import { relativePath } from "./format.ts";
import "./BuildErrorBanner.css";

/** The current error overlay, as the app page shows it: a save that could not be taken. */
export function BuildErrorBanner() {
  const store = useTopics("swaps");
  const b = store.model.swaps.error;
  if (!b) return <div />;
  const e = b.error;
  const where = e.file ? `${relativePath(e.file, store.hello?.app.root)}:${e.line ?? 0}:${e.column ?? 0}` : b.files.join(", ");
  return (
    <div className="build-error" role="alert" data-testid="build-error">
      <details>
        <summary>
          <strong>Build error</strong> <span className="mono">{where}</span> — {e.message}
          <span className="dim"> (the previous code keeps serving until the next good save)</span>
        </summary>
        {e.frame && <pre className="build-error-frame">{e.frame}</pre>}
      </details>
    </div>
  );
}
