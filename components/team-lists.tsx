import type { TeamRiskRowView, TeamWaitRowView } from '@/lib/features/team/team-view-messages';
import { reasonText } from '@/lib/i18n/risk-reason-text';
import { memberName } from '@/lib/ui/team-member-name';
import { useTranslator } from '@/lib/ui/use-translator';
import { waitingWhy } from '@/lib/ui/waiting-why';
import { RiskPill } from './risk-pill';
import { VirtualList } from './virtual-list';
import './team-view.css';

/** A waiting row's fixed height, and the list's: a team's thousands of waits render only the rows in view. */
const ROW_HEIGHT = 48;
const LIST_HEIGHT = 288;

type Row = TeamWaitRowView | undefined;

interface Props {
  /** The team's waiting list in its order, as far as it is loaded, and how to ask for the rows coming into view. */
  waiting: { rows: readonly Row[]; need: (start: number, end: number) => void };
  riskiest: readonly TeamRiskRowView[];
  now: number;
  /** Summaries the team view left out (stale, dated ahead, invalid). */
  ignored: number;
  /** Opens a client of either list (a waiting row or one at risk): who talks to them, who owns them. */
  onOpen: (clientKey: string) => void;
}

/** The team scope of the popup and the side panel's overview: who waits on anyone in the team, then the riskiest. */
export function TeamLists({ waiting, riskiest, now, ignored, onOpen }: Props) {
  const tr = useTranslator();
  const { t, duration } = tr;
  return (
    <>
      <section aria-labelledby="kw-team-waiting">
        <h2 id="kw-team-waiting">{t('team.waitingOnTeam')}</h2>
        {waiting.rows.length === 0 ? (
          <p className="kw-muted">{t('team.nobodyWaiting')}</p>
        ) : (
          <div className="kw-team-list kw-team-list--waiting" data-testid="team-waiting">
            <VirtualList<Row>
              items={waiting.rows}
              heightOf={() => ROW_HEIGHT}
              maxHeight={LIST_HEIGHT}
              label={t('team.waitingOnTeam')}
              keyOf={(row, i) => row?.key ?? `loading-${i}`}
              dataOf={(row): Record<`data-${string}`, string> =>
                row ? { 'data-client': row.key, 'data-member': row.place.memberId } : {}
              }
              onRange={waiting.need}
              render={(row, i) =>
                row ? (
                  <TeamRow client={row} timed={i === 0} onOpen={onOpen}>
                    <span className="kw-team-row__why">
                      {t('team.waitingOn', {
                        waited: duration(Math.max(0, now - row.place.since)),
                        member: memberName(t, row.place),
                      })}
                      {' · '}
                      <span data-testid="row-why">{waitingWhy(tr, row.place, now)}</span>
                    </span>
                  </TeamRow>
                ) : (
                  <span className="kw-muted" aria-busy="true">
                    {t('team.loadingRow')}
                  </span>
                )
              }
            />
          </div>
        )}
      </section>
      <section aria-labelledby="kw-team-risks">
        <h2 id="kw-team-risks">{t('team.atRisk')}</h2>
        {riskiest.length === 0 ? (
          <p className="kw-muted">{t('team.noneAtRisk')}</p>
        ) : (
          <ul className="kw-team-list" data-testid="team-risks">
            {riskiest.map((client) => {
              const { reason, member } = client;
              return (
                <li key={client.key} data-client={client.key} data-level={client.level}>
                  {/* The same card as a waiting row opens: the list says who is at risk, the card whom to ask about them. */}
                  <TeamRow client={client} onOpen={onOpen}>
                    {reason ? (
                      <span className="kw-muted">
                        {member
                          ? t('team.reasonOf', { reason: reasonText(tr, reason), member: memberName(t, member) })
                          : reasonText(tr, reason)}
                      </span>
                    ) : null}
                  </TeamRow>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {ignored > 0 ? <p className="kw-muted">{t('team.ignored', { count: ignored })}</p> : null}
    </>
  );
}

interface RowProps {
  client: Pick<TeamRiskRowView, 'key' | 'name' | 'level' | 'score'>;
  /** The waiting list's first row: the browser times its paint, as the single-account popup's (npm run bench). */
  timed?: boolean;
  onOpen: (clientKey: string) => void;
  children: React.ReactNode;
}

/** A row of either list: one button that opens the client, its name and level on top, what the list says below. */
function TeamRow({ client, timed = false, onOpen, children }: RowProps) {
  const { t } = useTranslator();
  return (
    <button
      type="button"
      className="kw-team-row"
      aria-label={t('team.openClient', { name: client.name })}
      onClick={() => onOpen(client.key)}
    >
      <span className="kw-team-list__top">
        <bdi {...(timed && { elementtiming: 'first-waiting-row' })}>{client.name}</bdi>
        <RiskPill level={client.level} score={client.score} />
      </span>
      {children}
    </button>
  );
}
