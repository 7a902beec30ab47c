import type { ActivityWeek } from '@/lib/ui/activity-series';
import { useTranslator } from '@/lib/ui/use-translator';

const WIDTH = 340;
const BAR_HEIGHT = 60;
const LINE_HEIGHT = 60;
const GAP = 18;
const HOUR = 3_600_000;

/** The chart, or why it is not there yet. */
export function ActivityChart({ weeks }: { weeks?: readonly ActivityWeek[] }) {
  const { t } = useTranslator();
  return (
    <section aria-labelledby="kw-activity" className="kw-card" data-testid="activity">
      <h2 id="kw-activity">{t('panel.activity')}</h2>
      {weeks ? (
        <WeeklyActivity weeks={weeks} />
      ) : (
        <p className="kw-muted" data-testid="activity-pending">
          {t('panel.activityPending')}
        </p>
      )}
    </section>
  );
}

/**
 * Thirteen weeks in plain SVG (no chart library for two small charts):
 * messages each way as bars, median reply time each way as lines. The same
 * numbers are in a table for screen readers.
 */
function WeeklyActivity({ weeks }: { weeks: readonly ActivityWeek[] }) {
  const { t, duration, date } = useTranslator();
  const slot = WIDTH / Math.max(weeks.length, 1);
  const maxCount = Math.max(1, ...weeks.flatMap((w) => [w.received, w.sent]));
  const replies = weeks.flatMap((w) => [w.ourReplyMs ?? 0, w.theirReplyMs ?? 0]);
  const maxReply = Math.max(HOUR, ...replies);
  const y = (ms: number) => BAR_HEIGHT + GAP + LINE_HEIGHT - (ms / maxReply) * LINE_HEIGHT;
  const points = (pick: (w: ActivityWeek) => number | undefined) =>
    weeks
      .map((w, i) => ({ ms: pick(w), x: i * slot + slot / 2 }))
      .filter((p): p is { ms: number; x: number } => p.ms !== undefined)
      .map((p) => ({ x: p.x, y: y(p.ms) }));
  const theirs = points((w) => w.theirReplyMs);
  const ours = points((w) => w.ourReplyMs);
  const total = weeks.reduce((sum, w) => sum + w.received + w.sent, 0);
  // Weeks with messages but no timed reply: an empty reply scale would read as replies of no time at all.
  const timed = theirs.length + ours.length > 0;
  const height = timed ? BAR_HEIGHT + GAP + LINE_HEIGHT + 4 : BAR_HEIGHT + 4;
  return total === 0 ? (
    <p className="kw-muted">{t('panel.noActivity')}</p>
  ) : (
    <>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        className="kw-chart"
        role="img"
        aria-label={
          timed
            ? t('panel.chartSummary', { count: total, reply: duration(maxReply) })
            : t('panel.chartSummaryUntimed', { count: total })
        }
        data-testid="activity-chart"
      >
        {weeks.map((w, i) => {
          const x = i * slot;
          const rh = (w.received / maxCount) * BAR_HEIGHT;
          const sh = (w.sent / maxCount) * BAR_HEIGHT;
          return (
            <g key={w.start}>
              <rect className="kw-bar--in" x={x + 2} y={BAR_HEIGHT - rh} width={slot / 2 - 2} height={rh} />
              <rect className="kw-bar--out" x={x + slot / 2} y={BAR_HEIGHT - sh} width={slot / 2 - 2} height={sh} />
            </g>
          );
        })}
        <line x1="0" x2={WIDTH} y1={BAR_HEIGHT + 0.5} y2={BAR_HEIGHT + 0.5} className="kw-axis" />
        {timed ? <ReplyLines theirs={theirs} ours={ours} /> : null}
      </svg>
      <ChartLegend timed={timed} maxReply={maxReply} />
      <table className="kw-visually-hidden">
        <caption>{t('panel.activity')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('panel.weekOf')}</th>
            <th scope="col">{t('panel.legendReceived')}</th>
            <th scope="col">{t('panel.legendSent')}</th>
            <th scope="col">{t('panel.theirReply')}</th>
            <th scope="col">{t('panel.ourReply')}</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((w) => (
            <tr key={w.start}>
              <th scope="row">{date(w.start)}</th>
              <td>{w.received}</td>
              <td>{w.sent}</td>
              <td>{w.theirReplyMs !== undefined ? duration(w.theirReplyMs) : '–'}</td>
              <td>{w.ourReplyMs !== undefined ? duration(w.ourReplyMs) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

type Point = { x: number; y: number };

const polyline = (list: readonly Point[]) => list.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');

/** The median reply time each way, below the bars on a scale of its own. */
function ReplyLines({ theirs, ours }: { theirs: readonly Point[]; ours: readonly Point[] }) {
  return (
    <>
      <line
        x1="0"
        x2={WIDTH}
        y1={BAR_HEIGHT + GAP + LINE_HEIGHT + 0.5}
        y2={BAR_HEIGHT + GAP + LINE_HEIGHT + 0.5}
        className="kw-axis"
      />
      <polyline points={polyline(theirs)} className="kw-line--in" />
      <polyline points={polyline(ours)} className="kw-line--out" />
      {theirs.map((p) => (
        <circle key={`in${p.x}`} cx={p.x} cy={p.y} r="3" className="kw-dot--in" />
      ))}
      {ours.map((p) => (
        <circle key={`out${p.x}`} cx={p.x} cy={p.y} r="3" className="kw-dot--out" />
      ))}
    </>
  );
}

/** What each colour is, and the reply scale's top or that there is no reply to time. */
function ChartLegend({ timed, maxReply }: { timed: boolean; maxReply: number }) {
  const { t, duration } = useTranslator();
  return (
    <p className="kw-legend">
      <span className="kw-key kw-key--in" aria-hidden="true" /> {t('panel.legendReceived')}{' '}
      <span className="kw-key kw-key--out" aria-hidden="true" /> {t('panel.legendSent')}
      <br />
      {timed ? (
        <>
          <span className="kw-key kw-key--line-in" aria-hidden="true" /> {t('panel.theirReply')}{' '}
          <span className="kw-key kw-key--line-out" aria-hidden="true" /> {t('panel.ourReply')}{' '}
          <span className="kw-muted">{t('panel.legendReplies', { max: duration(maxReply) })}</span>
        </>
      ) : (
        <span className="kw-muted" data-testid="no-reply-times">
          {t('panel.noReplyTimes')}
        </span>
      )}
    </p>
  );
}
