import type { TeamClientView } from '@/lib/features/team/team-view-messages';
import { chanceText, reasonShareText, reasonText } from '@/lib/i18n/risk-reason-text';
import { memberName } from '@/lib/ui/team-member-name';
import { useTranslator } from '@/lib/ui/use-translator';
import { RiskPill } from './risk-pill';
import './team-view.css';

interface Props {
  client: TeamClientView | undefined;
  now: number;
  /** Searches the client in the user's own Gmail: their own mail only, since no colleague's thread is ever shared. */
  onSearchInGmail?: () => void;
}

/** The team scope of one client: the team's risk, who talks to them and when, and who owns them. */
export function TeamClientCard({ client, now, onSearchInGmail }: Props) {
  const tr = useTranslator();
  const { t, duration } = tr;
  if (!client) return <p data-testid="team-client">{t('team.notInTeam')}</p>;
  const ago = (at: number) => duration(Math.max(0, now - at));
  const { risk } = client;
  return (
    <div data-testid="team-client" data-client={client.key} data-level={risk.level}>
      {onSearchInGmail ? (
        <p className="kw-team-client__actions">
          <button type="button" data-testid="team-search-gmail" onClick={onSearchInGmail}>
            {t('team.searchInGmail')}
          </button>
        </p>
      ) : null}
      <section aria-labelledby="kw-team-risk" className="kw-card">
        <h2 id="kw-team-risk">
          {t('team.risk')} <RiskPill level={risk.level} score={risk.score} />{' '}
          <span className="kw-score">{chanceText(tr, risk)}</span>
        </h2>
        <ul className="kw-reasons">
          {risk.reasons.map((reason) => {
            const member = client.reasonMembers[reason.kind];
            const text = reasonText(tr, reason);
            return (
              <li key={reason.kind} data-kind={reason.kind}>
                <span className="kw-reason__text">
                  {member ? t('team.reasonOf', { reason: text, member: memberName(t, member) }) : text}
                </span>
                <span className="kw-reason__points">{reasonShareText(tr, reason)}</span>
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="kw-team-contacts" className="kw-card">
        <h2 id="kw-team-contacts">{t('team.whoTalks', { name: client.name })}</h2>
        <ul className="kw-team-list" data-testid="team-contacts">
          {client.contacts.map((contact) => (
            <li key={contact.memberId} data-member={contact.memberId}>
              <span className="kw-team-list__top">
                <strong>{memberName(t, contact)}</strong>
                <span>{t('team.lastContact', { ago: ago(contact.lastAt) })}</span>
              </span>
              <span className="kw-muted">
                {[
                  contact.lastInboundAt !== undefined ? t('team.theirLast', { ago: ago(contact.lastInboundAt) }) : '',
                  contact.lastOutboundAt !== undefined
                    ? t('team.memberLast', { ago: ago(contact.lastOutboundAt) })
                    : '',
                ]
                  .filter(Boolean)
                  .join(' · ') || t('team.noContact')}
              </span>
            </li>
          ))}
        </ul>
        <p data-testid="team-owner">
          {client.owner
            ? t('team.owner', {
                member: memberName(t, client.owner),
                rule: t(`team.owner.${client.owner.rule}`),
              })
            : t('team.owner.none')}
        </p>
        {client.ownerOverruled > 0 ? (
          <p className="kw-muted">{t('team.ownerOverruled', { count: client.ownerOverruled })}</p>
        ) : null}
      </section>
    </div>
  );
}
