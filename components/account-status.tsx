import type { StatusState } from '@/lib/ui/use-status';

export function AccountStatus({ state }: { state: StatusState }) {
  if (state.kind === 'loading') return <p aria-busy="true">Loading…</p>;
  if (state.kind === 'failed') return <p role="alert">Keepwarm could not reach its background: {state.error}</p>;
  const { accounts } = state.status;
  if (accounts.length === 0) {
    return (
      <p data-testid="first-run">
        Open <a href="https://mail.google.com/mail/u/0/#inbox">Gmail</a> to start: Keepwarm learns from the threads you
        see.
      </p>
    );
  }
  return (
    <section aria-label="Watched Gmail accounts">
      <h2>Watching</h2>
      <ul data-testid="accounts">
        {accounts.map((account) => (
          <li key={account.accountPath}>
            {account.address ?? 'Gmail'} <small>({account.accountPath})</small>
          </li>
        ))}
      </ul>
    </section>
  );
}
