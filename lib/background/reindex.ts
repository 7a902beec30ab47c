import { clientRefsFor } from '@/lib/engine/account-identity';
import type { AccountIdentity } from '@/lib/engine/types';
import type { KeepwarmDb } from '@/lib/store/db';

const CHUNK = 2000;

/**
 * Rewrites which clients each stored message and thread of an account
 * involves, after the user changed who they are (aliases) or who their
 * colleagues are (internal domains). Chunked so a large account never holds
 * one long transaction.
 */
export async function reindexClientRefs(db: KeepwarmDb, account: string, identity: AccountIdentity): Promise<void> {
  const refsOf = clientRefsFor(account, identity);
  let after = '';
  for (;;) {
    const done = await db.transaction('rw', db.messages, async () => {
      const chunk = await db.messages
        .where('[account+id]')
        .between([account, after], [account, '\uffff'], false, true)
        .limit(CHUNK)
        .toArray();
      await db.messages.bulkPut(chunk.map((m) => ({ ...m, clientRefs: refsOf(m).sort() })));
      after = chunk.at(-1)?.id ?? after;
      return chunk.length < CHUNK;
    });
    if (done) break;
  }
  await db.transaction('rw', db.threads, async () => {
    await db.threads
      .where('[account+lastActivityAt]')
      .between([account, -Infinity], [account, Infinity])
      .modify((thread) => {
        thread.clientRefs = refsOf({
          ...thread,
          id: '',
          threadId: '',
          at: 0,
          from: { email: '' },
          to: thread.participants,
          cc: [],
        });
      });
  });
}
