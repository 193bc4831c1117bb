import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import "./VirtualList.css";

export interface VirtualListProps {
  count: number;
  /** Every row has this height in px (what makes the list O(visible rows)). */
  rowHeight: number;
  renderRow(index: number): ReactNode;
  /** Keep the end in view while rows are added, unless the user scrolled up (a log's tail). */
  follow?: boolean;
  /** Scroll so this row is visible (when it changes). */
  scrollTo?: number | null;
  /** Extra rows drawn above and below the window. */
  overscan?: number;
  className?: string;
  onKeyDown?: React.KeyboardEventHandler<HTMLDivElement>;
  label?: string;
}

/**
 * A windowed list: only the rows in view (plus `overscan`) are in the DOM, so 100,000 messages or
 * 10,000 controls cost what a screenful costs (the lesson of react#31266 and vue#1685: inspectors
 * that render everything slow down the page they inspect).
 */
export function VirtualList({ count, rowHeight, renderRow, follow, scrollTo, overscan = 8, className, onKeyDown, label }: VirtualListProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const [height, setHeight] = useState(400);
  const atEnd = useRef(true);

  useLayoutEffect(() => {
    const el = ref.current!;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    setHeight(el.clientHeight);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const el = ref.current!;
    if (follow && atEnd.current) {
      el.scrollTop = el.scrollHeight;
      setTop(el.scrollTop);
    }
  }, [count, follow]);

  useEffect(() => {
    if (scrollTo === null || scrollTo === undefined || scrollTo < 0) return;
    const el = ref.current!;
    const y = scrollTo * rowHeight;
    if (y < el.scrollTop) el.scrollTop = y;
    else if (y + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = y + rowHeight - el.clientHeight;
  }, [scrollTo, rowHeight]);

  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((top + height) / rowHeight) + overscan);
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    rows.push(
      <div key={i} className="vl-row" style={{ transform: `translateY(${i * rowHeight}px)`, height: rowHeight }}>
        {renderRow(i)}
      </div>,
    );
  }
  return (
    <div
      ref={ref}
      className={`vl ${className ?? ""}`}
      tabIndex={0}
      role="list"
      aria-label={label}
      onKeyDown={onKeyDown}
      onScroll={(e) => {
        const el = e.currentTarget;
        atEnd.current = el.scrollTop + el.clientHeight >= el.scrollHeight - rowHeight;
        setTop(el.scrollTop);
      }}
    >
      <div className="vl-space" style={{ height: count * rowHeight }}>
        {rows}
      </div>
    </div>
  );
}
