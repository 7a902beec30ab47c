// The demo mailbox run through the engine and stored the way the background
// stores it: the ground truth the popup and side panel queries are tested on.

import type { StoredClient, StoredMessage } from '@/lib/data/stored-rows';
import { waitingPlaces } from '@/lib/data/waiting-places';
import { accountIdentity } from '@/lib/engine/account-identity';
import { analyzeAccount } from '@/lib/engine/analyze';
import type { KeepwarmDb } from '@/lib/store/db';
import { generateMailbox } from '../../demo/mailbox/generate';
import { mailMessagesOf } from '../../demo/mailbox/mail-messages';

export const NOW = Date.UTC(2026, 10, 20, 12);
export const mailbox = generateMailbox({ seed: 7, now: NOW });
const first = mailbox.accounts[0];
if (!first) throw new Error('the demo has no account');
export const account = first;

export const messages = mailMessagesOf(account);

export const analysis = analyzeAccount({ messages, identity: accountIdentity(account.address), now: NOW });

export const storedClients: StoredClient[] = analysis.clients.map((report) => ({
  account: account.address,
  key: report.key,
  report,
  riskScore: report.risk.score,
  ...(report.metrics.waiting.onUs && { waitingOnUsSince: report.metrics.waiting.onUs.since }),
  ...waitingPlaces(report, NOW),
  computedAt: NOW,
}));

/** The account, its client reports, and each client's messages with their refs. */
export async function seedDemo(db: KeepwarmDb): Promise<void> {
  await db.accounts.put({ address: account.address, accountPath: 'u/0', firstSeenAt: NOW, lastSeenAt: NOW });
  await db.clients.bulkPut(storedClients);
  const threadClient = new Map(account.threads.map((t) => [t.id, t.clientKey]));
  const stored: StoredMessage[] = messages.map((m) => {
    const key = threadClient.get(m.threadId);
    return {
      ...m,
      account: account.address,
      source: 'import',
      senderKnown: true,
      clientRefs: key ? [`${account.address}|${key}`] : [],
    };
  });
  await db.messages.bulkPut(stored);
}
