import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';

export interface VirtualListProps<T> {
  items: readonly T[];
  /** Fixed height of each item in pixels: windowing needs no measuring. */
  heightOf: (item: T) => number;
  maxHeight: number;
  render: (item: T, index: number) => ReactNode;
  keyOf: (item: T, index: number) => string;
  /** Kept in view when it changes (keyboard navigation). */
  scrollToIndex?: number;
  overscan?: number;
  label: string;
  /** Data attributes of an item's list element, for pages and tests that find an item by them. */
  dataOf?: (item: T) => Record<`data-${string}`, string>;
  /** Told the items rendered (from `start` to before `end`) whenever they change: a list loaded in pages asks for them. */
  onRange?: (start: number, end: number) => void;
}

/** Offsets of every item: one pass, cheap next to rendering even for thousands of rows. */
function offsetsOf<T>(items: readonly T[], heightOf: (item: T) => number): number[] {
  const offsets = new Array<number>(items.length + 1);
  offsets[0] = 0;
  for (let i = 0; i < items.length; i++) offsets[i + 1] = (offsets[i] ?? 0) + heightOf(items[i] as T);
  return offsets;
}

function firstAtOrAfter(offsets: readonly number[], y: number): number {
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((offsets[mid + 1] ?? 0) <= y) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Renders only the items in view (plus a few around), in one scrolling list;
 * each rendered item keeps its place with aria-posinset so screen readers
 * still hear "item 12 of 4,800".
 */
export function VirtualList<T>({
  items,
  heightOf,
  maxHeight,
  render,
  keyOf,
  scrollToIndex,
  overscan = 4,
  label,
  dataOf,
  onRange,
}: VirtualListProps<T>) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const offsets = useMemo(() => offsetsOf(items, heightOf), [items, heightOf]);
  const total = offsets[items.length] ?? 0;
  const height = Math.min(total, maxHeight);

  useEffect(() => {
    const element = viewport.current;
    if (!element || scrollToIndex === undefined || scrollToIndex < 0) return;
    const top = offsets[scrollToIndex] ?? 0;
    const bottom = offsets[scrollToIndex + 1] ?? top;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (bottom > element.scrollTop + element.clientHeight) element.scrollTop = bottom - element.clientHeight;
  }, [scrollToIndex, offsets]);

  const start = Math.max(0, firstAtOrAfter(offsets, scrollTop) - overscan);
  const end = Math.min(items.length, firstAtOrAfter(offsets, scrollTop + height) + 1 + overscan);
  useEffect(() => onRange?.(start, end), [onRange, start, end]);
  const shown: ReactNode[] = [];
  for (let i = start; i < end; i++) {
    const item = items[i] as T;
    shown.push(
      <li
        key={keyOf(item, i)}
        aria-setsize={items.length}
        aria-posinset={i + 1}
        {...dataOf?.(item)}
        style={{ position: 'absolute', top: offsets[i], left: 0, right: 0, height: heightOf(item) }}
      >
        {render(item, i)}
      </li>,
    );
  }
  return (
    <div
      ref={viewport}
      className="kw-virtual"
      style={{ height, overflowY: total > maxHeight ? 'auto' : 'hidden', position: 'relative' }}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      data-more-below={scrollTop + height < total - 1 ? '' : undefined}
    >
      <ul aria-label={label} style={{ position: 'relative', height: total, margin: 0, padding: 0, listStyle: 'none' }}>
        {shown}
      </ul>
    </div>
  );
}
