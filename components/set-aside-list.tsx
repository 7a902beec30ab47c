import { useState } from 'react';
import type { StoredSetAside } from '@/lib/data/stored-rows';
import { senderSignalText } from '@/lib/i18n/sender-signal-text';
import { searchSetAside } from '@/lib/ui/set-aside';
import { useTranslator } from '@/lib/ui/use-translator';

interface Props {
  /** Most recent first. */
  entries: readonly StoredSetAside[];
  /** How many there are in all; more than `entries` when the list shows only the most recent. */
  total: number;
  /** Name each row's account: the entries hold several accounts. */
  showAccount: boolean;
  onInclude: (entry: StoredSetAside) => void;
  /** Whether to offer a search box (the options page's full list). */
  searchable?: boolean;
  /** The section's anchor, where it is a page's own section. */
  id?: string;
}

/** The clients Keepwarm set aside as automated or bulk mail, each sender with why, and one click to include one. */
export function SetAsideList({ entries, total, showAccount, onInclude, searchable = false, id }: Props) {
  const translator = useTranslator();
  const { t } = translator;
  const [query, setQuery] = useState('');
  const shown = searchable ? searchSetAside(entries, query) : entries;
  return (
    <section id={id} aria-labelledby="kw-set-aside" data-testid="set-aside">
      <h2 id="kw-set-aside">{t('setAside.title')}</h2>
      <p className="kw-muted">{t('setAside.hint')}</p>
      {total === 0 ? (
        <p>{t('setAside.none')}</p>
      ) : (
        <>
          {searchable ? (
            <input
              type="search"
              aria-label={t('setAside.search')}
              placeholder={t('setAside.search')}
              value={query}
              onChange={(event) => setQuery(event.target.value)}
            />
          ) : null}
          {shown.length === 0 ? <p>{t('setAside.noMatch')}</p> : null}
          <ul className="kw-set-aside" data-testid="set-aside-list">
            {shown.map((entry) => (
              <li key={`${entry.account}|${entry.key}`} data-key={entry.key}>
                <p>
                  <strong>
                    <bdi translate="no">{entry.name}</bdi>
                  </strong>{' '}
                  <bdi className="kw-muted" translate="no">
                    {entry.key}
                  </bdi>
                </p>
                <p className="kw-muted">
                  {t('setAside.summary', { count: entry.messages, date: translator.date(entry.lastAt) })}
                  {showAccount ? (
                    <>
                      {` · ${t('setAside.account')}: `}
                      <bdi translate="no">{entry.account}</bdi>
                    </>
                  ) : null}
                </p>
                <ul>
                  {entry.senders.map((sender) => (
                    <li key={sender.address}>
                      <bdi translate="no">{sender.address}</bdi>: {senderSignalText(translator, sender.signal)}
                    </li>
                  ))}
                </ul>
                {entry.senderCount > entry.senders.length ? (
                  <p className="kw-muted">
                    {t('setAside.otherSenders', { count: entry.senderCount - entry.senders.length })}
                  </p>
                ) : null}
                <button
                  type="button"
                  aria-label={t('setAside.includeLabel', { name: entry.name })}
                  onClick={() => onInclude(entry)}
                >
                  {t('setAside.include')}
                </button>
              </li>
            ))}
          </ul>
          {total > entries.length ? (
            <p className="kw-muted">{t('setAside.more', { shown: entries.length, total })}</p>
          ) : null}
        </>
      )}
    </section>
  );
}
