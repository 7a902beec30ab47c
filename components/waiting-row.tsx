import type { MessageKey } from '@/lib/i18n/catalogs';
import { useTranslator } from '@/lib/ui/use-translator';
import type { WaitingEntry } from '@/lib/ui/waiting-list';
import { waitingWhy } from '@/lib/ui/waiting-why';
import { RiskPill } from './risk-pill';
import './client-row.css';

export type WaitingSide = 'onYou' | 'stopped';

interface Props {
  entry: WaitingEntry;
  side: WaitingSide;
  now: number;
  active: boolean;
  /** Shown when the list holds clients of several accounts: whose mail the wait is in. */
  showAccount: boolean;
  onOpen: (entry: WaitingEntry) => void;
  onFocus: () => void;
}

/** One client waiting: the wait against the usual time on that side, the thread, one click to open it. */
export function WaitingRow({ entry, side, now, active, showAccount, onOpen, onFocus }: Props) {
  const tr = useTranslator();
  const { t, duration } = tr;
  const waited = duration(Math.max(0, now - entry.since));
  const usual =
    side === 'onYou'
      ? entry.usualMs !== undefined
        ? t('popup.yourUsual', { usual: duration(entry.usualMs) })
        : t('popup.noReplyHistory')
      : t('popup.theirUsual', { usual: duration(entry.usualMs ?? 0) });
  const why = waitingWhy(tr, entry, now);
  const subject = entry.subject || t('popup.noSubject');
  const tierKey = entry.tier ? (`popup.tier.${entry.tier}` as MessageKey) : undefined;
  return (
    <button
      type="button"
      className="kw-row"
      tabIndex={active ? 0 : -1}
      data-active={active || undefined}
      data-account={entry.account}
      data-client={entry.clientKey}
      aria-label={
        showAccount
          ? t('popup.openThreadOfAccount', { subject, name: entry.name, account: entry.account })
          : t('popup.openThread', { subject, name: entry.name })
      }
      onClick={() => onOpen(entry)}
      onFocus={onFocus}
    >
      <span className="kw-row__top">
        {/* Element timing lets a measurement tell when the first useful row was painted. */}
        <bdi className="kw-row__name" {...(active && { elementtiming: 'first-waiting-row' })}>
          {entry.name}
        </bdi>
        {tierKey && entry.tier === 'key' ? <span className="kw-row__tier">{t(tierKey)}</span> : null}
        <RiskPill level={entry.level} score={entry.score} />
      </span>
      <span className="kw-row__wait">
        <strong>{side === 'onYou' ? t('popup.waited', { waited }) : t('popup.silentFor', { waited })}</strong>
        {' · '}
        <span className="kw-row__why" data-testid="row-why">
          {why}
        </span>
        {' · '}
        {usual}
        {entry.threads > 1 ? ` · ${t('popup.threads', { count: entry.threads })}` : ''}
      </span>
      {side === 'stopped' && entry.level === 'low' ? (
        // "Stopped answering" beside a low chance: the row says why both hold.
        <span className="kw-row__note" data-testid="low-but-waiting">
          {t('risk.lowButWaiting')}
        </span>
      ) : null}
      <span className="kw-row__bottom">
        <bdi className="kw-row__subject">{subject}</bdi>
        {showAccount ? <bdi className="kw-row__account">{entry.account}</bdi> : null}
      </span>
    </button>
  );
}
