import type { PageContext } from '@/lib/background/gmail-observations';
import { accountIdentity } from '@/lib/engine/account-identity';

/** A healthy Gmail page of `account` at `now`, as the background sees one. */
export function gmailPage(account: string, now: number): PageContext {
  return {
    account,
    identity: accountIdentity(account),
    accountPath: 'u/0',
    health: { seen: 1, parsed: 1, failures: {}, missing: [], healthy: true },
    parseTitle: () => undefined,
    now,
  };
}
