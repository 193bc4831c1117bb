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

  // Following the tail writes scrollTop from what is known (never reads the layout back, which
  // would force a synchronous layout on every batch of rows).
  useLayoutEffect(() => {
    if (!follow || !atEnd.current) return;
    const target = Math.max(0, count * rowHeight - height);
    written.current = target;
    ref.current!.scrollTop = target;
    setTop(target);
  }, [count, follow, rowHeight, height]);

  // Scroll positions are read once per frame, not per event (each read may force a layout).
  const written = useRef(-1);
  const frame = useRef(0);
  const onScroll = () => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const el = ref.current;
      if (!el) return;
      const scrollTop = el.scrollTop;
      if (scrollTop === written.current) return; // our own follow
      written.current = -1;
      atEnd.current = scrollTop + height >= count * rowHeight - rowHeight;
      setTop(scrollTop);
    });
  };
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  useEffect(() => {
    if (scrollTo === null || scrollTo === undefined || scrollTo < 0) return;
    const el = ref.current!;
    const y = scrollTo * rowHeight;
    if (y < el.scrollTop) el.scrollTop = y;
    else if (y + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = y + rowHeight - el.clientHeight;
  }, [scrollTo, rowHeight]);

  // Following, the window is the end already while rows are added: drawn at the old position
  // first (until the layout effect scrolls), the rows just below it would mount for one render,
  // and a row that fetches what it shows (a message gap) would fetch it on every batch.
  const shownTop = follow && atEnd.current ? Math.max(0, count * rowHeight - height) : top;
  const first = Math.max(0, Math.floor(shownTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((shownTop + height) / rowHeight) + overscan);
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
      onScroll={onScroll}
    >
      <div className="vl-space" style={{ height: count * rowHeight }}>
        {rows}
      </div>
    </div>
  );
}
