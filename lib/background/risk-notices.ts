import type { RisksChangedNotice } from '@/lib/features/gmail/messages';

export type SendToTab = (tabId: number, notice: RisksChangedNotice) => Promise<unknown>;

/**
 * Remembers which tabs show which Gmail account (from the messages they send)
 * and tells them when that account's risks were recomputed, so their badges
 * follow without polling. A tab that no longer answers is forgotten.
 */
export function createRiskNotices(send: SendToTab) {
  const tabsByAccount = new Map<string, Set<number>>();
  return {
    remember(account: string, tabId: number | undefined): void {
      if (tabId === undefined || tabId < 0) return;
      for (const [other, tabs] of tabsByAccount) if (other !== account) tabs.delete(tabId);
      const tabs = tabsByAccount.get(account) ?? new Set<number>();
      tabs.add(tabId);
      tabsByAccount.set(account, tabs);
    },
    async notify(account: string): Promise<void> {
      const tabs = tabsByAccount.get(account);
      if (!tabs) return;
      await Promise.all(
        [...tabs].map((tabId) =>
          send(tabId, { type: 'background/risks-changed', account }).catch(() => tabs.delete(tabId)),
        ),
      );
    },
    async notifyAll(): Promise<void> {
      await Promise.all([...tabsByAccount.keys()].map((account) => this.notify(account)));
    },
  };
}
