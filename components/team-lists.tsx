import type { TeamClientView } from '@/lib/features/team/team-view-messages';
import { reasonText } from '@/lib/i18n/risk-reason-text';
import { byTeamPlace } from '@/lib/team/team-waiting-order';
import { memberName } from '@/lib/ui/team-member-name';
import { useTranslator } from '@/lib/ui/use-translator';
import { waitingWhy } from '@/lib/ui/waiting-why';
import { RiskPill } from './risk-pill';
import { VirtualList } from './virtual-list';
import './team-view.css';

const RISKIEST_SHOWN = 5;
/** A waiting row's fixed height, and the list's: a team's thousands of waits render only the rows in view. */
const ROW_HEIGHT = 48;
const LIST_HEIGHT = 288;

type Wait = { key: string; client: TeamClientView; place: NonNullable<TeamClientView['place']> };

interface Props {
  clients: readonly TeamClientView[];
  now: number;
  /** Summaries the team view left out (stale, dated ahead, invalid). */
  ignored: number;
}

/** The team scope of the popup and the side panel's overview: who waits on anyone in the team, then the riskiest. */
export function TeamLists({ clients, now, ignored }: Props) {
  const tr = useTranslator();
  const { t, duration } = tr;
  // In the order of the follow-ups, as the account's lists: urgency × value, the cue first.
  const waiting: Wait[] = clients
    .flatMap((client) => (client.place ? [{ key: client.key, client, place: client.place }] : []))
    .sort(byTeamPlace);
  const riskiest = clients.filter((c) => c.risk.level !== 'low').slice(0, RISKIEST_SHOWN);
  return (
    <>
      <section aria-labelledby="kw-team-waiting">
        <h2 id="kw-team-waiting">{t('team.waitingOnTeam')}</h2>
        {waiting.length === 0 ? (
          <p className="kw-muted">{t('team.nobodyWaiting')}</p>
        ) : (
          <div className="kw-team-list kw-team-list--waiting" data-testid="team-waiting">
            <VirtualList<Wait>
              items={waiting}
              heightOf={() => ROW_HEIGHT}
              maxHeight={LIST_HEIGHT}
              label={t('team.waitingOnTeam')}
              keyOf={({ client }) => client.key}
              dataOf={({ client, place }) => ({ 'data-client': client.key, 'data-member': place.memberId })}
              render={({ client, place }, i) => (
                <>
                  <span className="kw-team-list__top">
                    {/* The browser times this row's paint, as the single-account popup's (npm run bench). */}
                    <bdi {...(i === 0 && { elementtiming: 'first-waiting-row' })}>{client.name}</bdi>
                    <RiskPill level={client.risk.level} score={client.risk.score} />
                  </span>
                  <span>
                    {t('team.waitingOn', {
                      waited: duration(Math.max(0, now - place.since)),
                      member: memberName(t, place),
                    })}
                    {' · '}
                    <span data-testid="row-why">{waitingWhy(tr, place, now)}</span>
                  </span>
                </>
              )}
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
              const reason = client.risk.reasons[0];
              const member = reason && client.reasonMembers[reason.kind];
              return (
                <li key={client.key} data-client={client.key} data-level={client.risk.level}>
                  <span className="kw-team-list__top">
                    <bdi>{client.name}</bdi>
                    <RiskPill level={client.risk.level} score={client.risk.score} />
                  </span>
                  {reason ? (
                    <span className="kw-muted">
                      {member
                        ? t('team.reasonOf', { reason: reasonText(tr, reason), member: memberName(t, member) })
                        : reasonText(tr, reason)}
                    </span>
                  ) : null}
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
