import type { ThreadState } from '@/lib/engine/waiting';
import { useTranslator } from '@/lib/ui/use-translator';

interface Props {
  threads: readonly ThreadState[];
  now: number;
  onOpenThread: (threadId: string) => void;
}

const SHOWN = 12;

/** Whose turn it is in every thread still open, with a link into Gmail. */
export function ThreadTurns({ threads, now, onOpenThread }: Props) {
  const { t, duration } = useTranslator();
  const open = threads.filter((th) => th.turn !== 'none').slice(0, SHOWN);
  return (
    <section aria-labelledby="kw-turns" className="kw-card">
      <h2 id="kw-turns">{t('panel.openThreads')}</h2>
      {open.length === 0 ? (
        <p className="kw-muted">{t('panel.noOpenThreads')}</p>
      ) : (
        <ul className="kw-turns" data-testid="turns">
          {open.map((th) => (
            <li key={th.threadId} data-turn={th.turn}>
              <span className={`kw-turn kw-turn--${th.turn}`}>
                {th.turn === 'us' ? t('panel.yourTurn') : t('panel.theirTurn')}
              </span>
              <button
                type="button"
                className="kw-link"
                onClick={() => onOpenThread(th.threadId)}
                aria-label={t('panel.openThreadNamed', { subject: th.subject || t('followUp.noSubject') })}
              >
                <bdi>{th.subject || t('followUp.noSubject')}</bdi>
              </button>
              <span className="kw-muted">
                {th.since !== undefined ? t('panel.since', { duration: duration(Math.max(0, now - th.since)) }) : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
