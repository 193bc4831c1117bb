import { useEffect, useState } from "react";
import { useInspector } from "../useStore.ts";
import "./DropZone.css";

/**
 * Drop a recording (`.weft.jsonl`, `.weft.jsonl.gz`) anywhere on the inspector to open it as an
 * ended session: its tree at every step, messages, chains and time travel, as `weft inspect`
 * shows it. While a file is dragged over the page, an overlay says so.
 */
export function DropZone() {
  const store = useInspector();
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes("Files") ?? false;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const overPage = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault(); // without it the browser opens the file instead
      if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      for (const file of e.dataTransfer?.files ?? []) void store.recordings.import(file);
    };
    addEventListener("dragenter", enter);
    addEventListener("dragleave", leave);
    addEventListener("dragover", overPage);
    addEventListener("drop", drop);
    return () => {
      removeEventListener("dragenter", enter);
      removeEventListener("dragleave", leave);
      removeEventListener("dragover", overPage);
      removeEventListener("drop", drop);
    };
  }, [store]);
  if (!over) return null;
  return (
    <div className="drop" data-testid="drop-zone">
      <div className="drop-box">Drop a recording (.weft.jsonl or .weft.jsonl.gz) to open it</div>
    </div>
  );
}
