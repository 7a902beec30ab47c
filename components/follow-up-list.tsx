import { useState } from 'react';
import type { ClientReport } from '@/lib/engine/report-types';
import { type FollowUpReport, followUpText } from '@/lib/i18n/risk-reason-text';
import type { FollowUpDecision } from '@/lib/ui/client-action-types';
import { useTranslator } from '@/lib/ui/use-translator';

const DAY = 86_400_000;

interface Props {
  report: Pick<ClientReport, 'followUps'> & FollowUpReport;
  now: number;
  onDecide: (key: string, decision: FollowUpDecision) => Promise<void>;
  onOpenThread: (threadId: string) => void;
}

function SnoozeMenu({ now, onSnooze }: { now: number; onSnooze: (until: number) => void }) {
  const { t } = useTranslator();
  const [date, setDate] = useState('');
  const custom = date ? new Date(`${date}T09:00`).getTime() : Number.NaN;
  return (
    <details className="kw-snooze">
      <summary>{t('panel.snooze')}</summary>
      <div className="kw-snooze__menu">
        <button type="button" onClick={() => onSnooze(now + DAY)}>
          {t('panel.snoozeDay')}
        </button>
        <button type="button" onClick={() => onSnooze(now + 7 * DAY)}>
          {t('panel.snoozeWeek')}
        </button>
        <label>
          <span className="kw-visually-hidden">{t('panel.snoozeUntil')}</span>
          <input type="date" value={date} onChange={(event) => setDate(event.target.value)} />
        </label>
        <button type="button" disabled={!(custom > now)} onClick={() => onSnooze(custom)}>
          {t('panel.snoozeCustom')}
        </button>
      </div>
    </details>
  );
}

/** The open suggestions with Done / Snooze / Dismiss; closed ones are counted, not shown. */
export function FollowUpList({ report, now, onDecide, onOpenThread }: Props) {
  const tr = useTranslator();
  const { t } = tr;
  const [decided, setDecided] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string>();
  const open = report.followUps.filter((f) => f.status === 'open' && !decided.has(f.key));
  const snoozed = report.followUps.filter((f) => f.status === 'snoozed');
  const decide = (key: string, decision: FollowUpDecision) => {
    // Hidden at once; the background's recompute confirms it a moment later.
    setDecided((previous) => new Set(previous).add(key));
    onDecide(key, decision).catch((reason: unknown) => {
      setDecided((previous) => {
        const next = new Set(previous);
        next.delete(key);
        return next;
      });
      setError(t('panel.saveFailed', { error: String(reason) }));
    });
  };
  return (
    <section aria-labelledby="kw-follow-ups" className="kw-card">
      <h2 id="kw-follow-ups">{t('panel.followUps')}</h2>
      {error ? <p role="alert">{error}</p> : null}
      {open.length === 0 ? (
        <p className="kw-muted">{t('panel.noFollowUps')}</p>
      ) : (
        <ul className="kw-follow-ups" data-testid="follow-ups">
          {open.map((f) => (
            <li key={f.key} data-key={f.key}>
              <p className="kw-follow-up__text">
                {followUpText(tr, f, report, now)}
                {f.dueAt > now ? (
                  <span className="kw-muted"> · {t('panel.dueOn', { date: tr.date(f.dueAt) })}</span>
                ) : null}
              </p>
              <div className="kw-actions">
                {f.threadId ? (
                  <button type="button" onClick={() => onOpenThread(f.threadId ?? '')}>
                    {t('panel.openInGmail')}
                  </button>
                ) : null}
                <button type="button" onClick={() => decide(f.key, { status: 'done' })}>
                  {t('panel.done')}
                </button>
                <SnoozeMenu now={now} onSnooze={(until) => decide(f.key, { status: 'snoozed', snoozedUntil: until })} />
                <button type="button" onClick={() => decide(f.key, { status: 'dismissed' })}>
                  {t('panel.dismiss')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {snoozed.length > 0 ? (
        <p className="kw-muted" data-testid="snoozed">
          {t('panel.snoozedCount', {
            count: snoozed.length,
            date: tr.date(Math.min(...snoozed.map((f) => f.snoozedUntil ?? now))),
          })}
        </p>
      ) : null}
    </section>
  );
}
