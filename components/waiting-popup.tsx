import { type KeyboardEvent, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslator } from '@/lib/ui/use-translator';
import { searchWaiting, type WaitingEntry } from '@/lib/ui/waiting-list';
import { VirtualList } from './virtual-list';
import { WaitingRow, type WaitingSide } from './waiting-row';
import './waiting-popup.css';

type Item =
  | { kind: 'header'; side: WaitingSide; count: number }
  | { kind: 'empty'; text: string }
  | { kind: 'row'; side: WaitingSide; entry: WaitingEntry; row: number };

const HEIGHT = { header: 36, empty: 32, row: 66 } as const;
const heightOf = (item: Item) => HEIGHT[item.kind];
const LIST_HEIGHT = 320;

export interface WaitingPopupProps {
  waitingOnYou: readonly WaitingEntry[];
  /** Undefined while it loads: the first list paints without waiting for it. */
  stoppedAnswering?: readonly WaitingEntry[];
  now: number;
  onOpen: (entry: WaitingEntry) => void;
}

function items(
  onYou: readonly WaitingEntry[],
  stopped: readonly WaitingEntry[] | undefined,
  emptyText: (side: WaitingSide) => string,
): Item[] {
  const out: Item[] = [];
  let row = 0;
  const section = (side: WaitingSide, entries: readonly WaitingEntry[]) => {
    out.push({ kind: 'header', side, count: entries.length });
    if (entries.length === 0) out.push({ kind: 'empty', text: emptyText(side) });
    for (const entry of entries) out.push({ kind: 'row', side, entry, row: row++ });
  };
  section('onYou', onYou);
  if (stopped) section('stopped', stopped);
  return out;
}

/**
 * The row a key moves to, or undefined when the key moves nothing. From the
 * search box only ArrowDown moves, and to the first row: the other keys keep
 * their meaning in the text.
 */
function keyTarget(key: string, inSearch: boolean, activeRow: number, count: number): number | undefined {
  if (inSearch) return key === 'ArrowDown' ? 0 : undefined;
  const moves: Record<string, number> = {
    ArrowDown: Math.min(count - 1, activeRow + 1),
    ArrowUp: Math.max(0, activeRow - 1),
    Home: 0,
    End: count - 1,
    PageDown: Math.min(count - 1, activeRow + 6),
    PageUp: Math.max(0, activeRow - 6),
  };
  return moves[key];
}

interface WaitingItemProps {
  item: Item;
  now: number;
  activeRow: number;
  showAccount: boolean;
  onOpen: (entry: WaitingEntry) => void;
  onFocus: (row: number) => void;
}

/** One item of the virtual list: a list's header, its empty line, or a client's row. */
function WaitingItem({ item, now, activeRow, showAccount, onOpen, onFocus }: WaitingItemProps) {
  const { t } = useTranslator();
  if (item.kind === 'header')
    return (
      <h2 className="kw-waiting__header" data-testid={`${item.side}-header`}>
        {t(item.side === 'onYou' ? 'popup.waitingOnYou' : 'popup.stoppedAnswering')}
        <span className="kw-count">{item.count}</span>
      </h2>
    );
  if (item.kind === 'empty') return <p className="kw-waiting__empty">{item.text}</p>;
  return (
    <div data-row={item.row} data-side={item.side} className="kw-row-host">
      <WaitingRow
        entry={item.entry}
        side={item.side}
        now={now}
        active={item.row === activeRow}
        showAccount={showAccount}
        onOpen={onOpen}
        onFocus={() => onFocus(item.row)}
      />
    </div>
  );
}

/** The two waiting lists with search and arrow-key navigation; Enter or a click opens the thread. */
export function WaitingPopup({ waitingOnYou, stoppedAnswering, now, onOpen }: WaitingPopupProps) {
  const { t } = useTranslator();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  const onYou = useMemo(() => searchWaiting(waitingOnYou, query), [waitingOnYou, query]);
  const stopped = useMemo(
    () => (stoppedAnswering ? searchWaiting(stoppedAnswering, query) : undefined),
    [stoppedAnswering, query],
  );
  const searching = query.trim() !== '';
  const severalAccounts = useMemo(
    () => new Set([...waitingOnYou, ...(stoppedAnswering ?? [])].map((entry) => entry.account)).size > 1,
    [waitingOnYou, stoppedAnswering],
  );
  const list = useMemo(
    () =>
      items(onYou, stopped, (side) =>
        searching
          ? t('popup.noMatch', { query: query.trim() })
          : t(side === 'onYou' ? 'popup.nobodyWaiting' : 'popup.nobodySilent'),
      ),
    [onYou, stopped, searching, query, t],
  );
  const rows = list.filter((item) => item.kind === 'row');
  const activeRow = Math.min(active, Math.max(0, rows.length - 1));
  const activeIndex = list.findIndex((item) => item.kind === 'row' && item.row === activeRow);

  const focusRow = useCallback((row: number) => {
    setActive(row);
    const focus = () => listRef.current?.querySelector<HTMLButtonElement>(`[data-row="${row}"] .kw-row`)?.focus();
    // A row out of view is only rendered once the list has scrolled to it: then focus on the next frame.
    if (!listRef.current?.querySelector(`[data-row="${row}"]`)) requestAnimationFrame(focus);
    else focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (rows.length === 0) return;
    const inSearch = event.target instanceof HTMLInputElement;
    if (inSearch && event.key === 'Enter') {
      const first = rows[activeRow];
      if (first?.kind === 'row') onOpen(first.entry);
      event.preventDefault();
      return;
    }
    const target = keyTarget(event.key, inSearch, activeRow, rows.length);
    if (target === undefined) return;
    event.preventDefault();
    focusRow(target);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: arrow keys move between the rows inside; each row is a button
    <div className="kw-waiting" onKeyDown={onKeyDown}>
      <label className="kw-search">
        <span className="kw-visually-hidden">{t('popup.search')}</span>
        <input
          type="search"
          value={query}
          placeholder={t('popup.searchPlaceholder')}
          aria-describedby="kw-keyboard-hint"
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
        />
      </label>
      <p id="kw-keyboard-hint" className="kw-hint">
        {t('popup.keyboardHint')}
      </p>
      <div ref={listRef}>
        <VirtualList
          items={list}
          heightOf={heightOf}
          maxHeight={LIST_HEIGHT}
          scrollToIndex={activeIndex}
          label={t('popup.waitingOnYou')}
          keyOf={(item, index) =>
            item.kind === 'row' ? `${item.side}|${item.entry.account}|${item.entry.clientKey}` : `${item.kind}${index}`
          }
          render={(item) => (
            <WaitingItem
              item={item}
              now={now}
              activeRow={activeRow}
              showAccount={severalAccounts}
              onOpen={onOpen}
              onFocus={setActive}
            />
          )}
        />
      </div>
    </div>
  );
}
