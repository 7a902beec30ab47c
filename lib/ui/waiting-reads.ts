// The popup's waiting lists read from the database; waiting-list.ts ranks them.

import type { StoredClient } from '@/lib/data/stored-rows';
import type { KeepwarmDb } from '@/lib/store/db';
import { MIN_SCORE_WAITING_ON_THEM, rankStoppedAnswering, rankWaitingOnYou, type WaitingEntry } from './waiting-list';

async function perAccount(db: KeepwarmDb, read: (account: string) => Promise<StoredClient[]>) {
  const accounts = await db.accounts.toCollection().primaryKeys();
  return (await Promise.all(accounts.map(read))).flat();
}

/** Only clients with an unanswered message of theirs: a few, whatever the size of the book. */
export async function waitingOnYou(db: KeepwarmDb, now: number): Promise<WaitingEntry[]> {
  return rankWaitingOnYou(
    await perAccount(db, (account) =>
      db.clients.where('[account+waitingOnUsSince]').between([account, -Infinity], [account, Infinity]).toArray(),
    ),
    now,
  );
}

// The engine's value factor lies between 0.75 (minor tier) and 1.3 (key tier, or a high value).
const MAX_VALUE_FACTOR = 1.3;
const MAX_BATCHES = 2;

/**
 * The first `count` of `waitingOnYou`, read oldest wait first and stopped as
 * soon as no unread client could rank among them, or after twice `count`: the
 * popup paints these, then reads the whole list, whose order is exact. The two
 * differ only when a client of higher value waits less than the `2 × count`
 * longest waits and would still rank among the first.
 */
export async function waitingOnYouFirst(db: KeepwarmDb, now: number, count: number): Promise<WaitingEntry[]> {
  const accounts = await db.accounts.toCollection().primaryKeys();
  const read: StoredClient[] = [];
  for (const account of accounts) {
    for (let batchIndex = 0; batchIndex < MAX_BATCHES; batchIndex++) {
      const batch = await db.clients
        .where('[account+waitingOnUsSince]')
        .between([account, -Infinity], [account, Infinity])
        .offset(batchIndex * count)
        .limit(count)
        .toArray();
      read.push(...batch);
      const next = batch.length === count ? batch.at(-1)?.waitingOnUsSince : undefined;
      if (next === undefined) break;
      const last = rankWaitingOnYou(read, now)[count - 1];
      // Every unread client waits less than `next`: it outranks the last shown only with a higher value factor.
      if (last && last.waitingMs * factorOf(read, last) >= (now - next) * MAX_VALUE_FACTOR) break;
    }
  }
  return rankWaitingOnYou(read, now).slice(0, count);
}

function factorOf(clients: readonly StoredClient[], entry: WaitingEntry): number {
  return clients.find((c) => c.account === entry.account && c.key === entry.clientKey)?.report.risk.valueFactor ?? 1;
}

export async function stoppedAnswering(db: KeepwarmDb, now: number): Promise<WaitingEntry[]> {
  return rankStoppedAnswering(
    await perAccount(db, (account) =>
      db.clients
        .where('[account+riskScore]')
        .between([account, MIN_SCORE_WAITING_ON_THEM], [account, Infinity], true, true)
        .toArray(),
    ),
    now,
  );
}
