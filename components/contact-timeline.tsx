import type { StoredMessage } from '@/lib/data/stored-rows';
import { useTranslator } from '@/lib/ui/use-translator';

interface Props {
  messages: readonly StoredMessage[];
  total: number;
  mine: (email: string) => boolean;
}

/** Who wrote when, newest first; subjects and snippets clamp, never grow the panel. */
export function ContactTimeline({ messages, total, mine }: Props) {
  const { t, dateTime } = useTranslator();
  return (
    <section aria-labelledby="kw-timeline" className="kw-card">
      <h2 id="kw-timeline">{t('panel.timeline')}</h2>
      {messages.length === 0 ? (
        <p className="kw-muted">{t('panel.noMessages')}</p>
      ) : (
        <ol className="kw-timeline" data-testid="timeline">
          {messages.map((m) => {
            const sent = mine(m.from.email);
            return (
              <li key={m.id} className={sent ? 'kw-tl--out' : 'kw-tl--in'}>
                <div className="kw-tl__head">
                  <span className="kw-tl__dir">{sent ? t('panel.sent') : t('panel.received')}</span>
                  <bdi className="kw-tl__who">{sent ? t('panel.you') : m.from.name || m.from.email}</bdi>
                  <time dateTime={new Date(m.at).toISOString()} className="kw-muted">
                    {dateTime(m.at)}
                  </time>
                </div>
                <bdi className="kw-tl__subject">{m.subject || t('followUp.noSubject')}</bdi>
                {m.snippet ? <bdi className="kw-tl__snippet">{m.snippet}</bdi> : null}
              </li>
            );
          })}
        </ol>
      )}
      {total > messages.length ? (
        <p className="kw-muted">{t('panel.olderMessages', { count: total - messages.length })}</p>
      ) : null}
    </section>
  );
}
