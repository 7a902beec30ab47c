import { browser } from 'wxt/browser';
import type { KeepwarmDb } from '@/lib/store/db';
import { countClientsWaitingOnUs, recomputeAccount, recomputeClients } from './recompute';
import { createRiskNotices } from './risk-notices';
import { createKeyedDebouncer } from './scheduler';
import type { StorageHealth } from './storage-health';

const RECOMPUTE_DELAY_MS = 1500;

/**
 * The one step after any change of history, settings or corrections:
 * recompute what it touched, update the toolbar badge (the count of clients
 * waiting on the user), and tell the Gmail tabs of the account to ask for
 * their badges again.
 */
export interface Reports {
  /** Recomputes the touched clients once the account's pages are quiet for a while, however often asked meanwhile. */
  schedule(account: string, refs: Iterable<string>, quietMs?: number): void;
  /** Recomputes one account now. */
  refreshAccount(account: string): Promise<void>;
  /** Recomputes every account now. */
  refreshAll(): Promise<void>;
  /** The stored reports of one account (or of all, without one) changed here: badge and tabs follow. */
  changed(account?: string): Promise<void>;
  /** The tab showed this account: it hears when the account's risks change. */
  rememberTab(account: string, tabId: number | undefined): void;
  /** Called after every change of stored reports (the team's copy of the summaries follows them). */
  afterChange(listener: () => void): void;
}

export function createReports(db: KeepwarmDb, storage: StorageHealth): Reports {
  const riskNotices = createRiskNotices((tabId, notice) => browser.tabs.sendMessage(tabId, notice));
  const updateBadge = async () => {
    const waiting = await countClientsWaitingOnUs(db);
    await browser.action.setBadgeText({ text: waiting > 0 ? String(waiting) : '' });
    await browser.action.setBadgeBackgroundColor({ color: '#c5221f' });
  };
  const listeners: (() => void)[] = [];
  const changed = async (account?: string) => {
    for (const listener of listeners) listener();
    await updateBadge();
    if (account === undefined) await riskNotices.notifyAll();
    else await riskNotices.notify(account);
  };
  const recompute = createKeyedDebouncer(RECOMPUTE_DELAY_MS, async (account, touched) => {
    await storage.guard('recompute', () => recomputeClients(db, account, touched, Date.now()));
    await changed(account);
  });
  return {
    schedule: (account, refs, quietMs) => recompute.schedule(account, refs, quietMs),
    async refreshAccount(account) {
      await recomputeAccount(db, account, Date.now());
      await changed(account);
    },
    async refreshAll() {
      for (const account of await db.accounts.toArray()) {
        await storage.guard('recompute', () => recomputeAccount(db, account.address, Date.now()));
      }
      await changed();
    },
    changed,
    rememberTab: (account, tabId) => riskNotices.remember(account, tabId),
    afterChange: (listener) => listeners.push(listener),
  };
}
