import { type FormEvent, useState } from 'react';
import type { TeamStatus } from '@/lib/features/team/messages';
import { useTranslator } from '@/lib/ui/use-translator';

export interface TeamSectionProps {
  /** Undefined until the background answered. */
  status?: TeamStatus;
  busy: boolean;
  error?: string;
  /** Set after leaving when the member's own summaries could not be deleted on the server. */
  notice?: string;
  onConnect(address: string, teamId: string, token: string): void;
  onLeave(deleteOwnDocument: boolean): void;
}

/** The team connection of the options page: the form to connect, or the state of sync and the way out. */
export function TeamSection({ status, busy, error, notice, onConnect, onLeave }: TeamSectionProps) {
  const { t } = useTranslator();
  const [address, setAddress] = useState('');
  const [teamId, setTeamId] = useState('');
  const [token, setToken] = useState('');
  const [deleteOwn, setDeleteOwn] = useState(false);
  const connect = (event: FormEvent) => {
    event.preventDefault();
    onConnect(address.trim(), teamId.trim(), token.trim());
  };
  const leave = (event: FormEvent) => {
    event.preventDefault();
    onLeave(deleteOwn);
  };
  return (
    <section aria-labelledby="kw-team-title" data-testid="team">
      <h2 id="kw-team-title">{t('team.title')}</h2>
      <p>{t('team.intro')}</p>
      {error && <p role="alert">{error}</p>}
      {notice && <p role="status">{notice}</p>}
      {status?.connected ? (
        <>
          <p translate="no">{t('team.server', { url: status.url ?? '', team: status.teamId ?? '' })}</p>
          <p role="status" data-state={status.state}>
            {t(`team.state.${status.state ?? 'connecting'}`)}
            {status.state === 'connected' && ` · ${status.synced ? t('team.synced') : t('team.syncing')}`}
          </p>
          <h3>{t('team.members')}</h3>
          <ul className="kw-list">
            {status.members.map((m) => (
              <li key={`${m.name} ${m.self}`}>
                <span translate="no">{t('team.member', { name: m.name, count: m.clients })}</span>
                {m.self && ` ${t('team.you')}`}
                {m.revoked && ` ${t('team.revoked')}`}
              </li>
            ))}
          </ul>
          {status.invalid > 0 && <p>{t('team.invalid', { count: status.invalid })}</p>}
          <form onSubmit={leave}>
            <fieldset disabled={busy}>
              <legend>{t('team.leave')}</legend>
              <p>{t('team.leaveHint')}</p>
              <label>
                <input type="checkbox" checked={deleteOwn} onChange={(e) => setDeleteOwn(e.currentTarget.checked)} />{' '}
                {t('team.deleteOwn')}
              </label>{' '}
              <button type="submit">{t('team.leave')}</button>
            </fieldset>
          </form>
        </>
      ) : (
        <>
          {status && (
            <p role="status" data-state="none">
              {t('team.state.none')}
            </p>
          )}
          <form onSubmit={connect}>
            <fieldset disabled={busy || status === undefined}>
              <label>
                {t('team.address')}{' '}
                <input
                  type="url"
                  required
                  value={address}
                  aria-describedby="kw-team-address-hint"
                  onChange={(e) => setAddress(e.currentTarget.value)}
                />
              </label>
              <small id="kw-team-address-hint">{t('team.addressHint')}</small>
              <label>
                {t('team.teamId')} <input required value={teamId} onChange={(e) => setTeamId(e.currentTarget.value)} />
              </label>
              <label>
                {t('team.token')}{' '}
                <input
                  type="password"
                  autoComplete="off"
                  required
                  value={token}
                  aria-describedby="kw-team-token-hint"
                  onChange={(e) => setToken(e.currentTarget.value)}
                />
              </label>
              <small id="kw-team-token-hint">{t('team.tokenHint')}</small>{' '}
              <button type="submit">{t('team.connect')}</button>
            </fieldset>
          </form>
        </>
      )}
    </section>
  );
}
