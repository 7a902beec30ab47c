// One account's stored messages as the engine reads them, a chunk of reads at
// a time so no single read holds up the background's writes for long.
import type { MailMessage } from '@/lib/engine/types';
import type { KeepwarmDb } from '@/lib/store/db';

const CHUNK = 2000;

/** Every message of the account whose sender is known, as plain engine records (in id order). */
export async function accountMessages(db: KeepwarmDb, account: string, chunkSize = CHUNK): Promise<MailMessage[]> {
  const out: MailMessage[] = [];
  let after = '';
  for (;;) {
    const chunk = await db.messages
      .where('[account+id]')
      .between([account, after], [account, '\uffff'], false, true)
      .limit(chunkSize)
      .toArray();
    for (const m of chunk) {
      if (!m.senderKnown || !Number.isFinite(m.at)) continue;
      out.push({
        id: m.id,
        threadId: m.threadId,
        at: m.at,
        from: m.from,
        to: m.to,
        cc: m.cc,
        subject: m.subject,
        snippet: m.snippet,
        ...(m.bulk && { bulk: m.bulk }),
      });
    }
    const last = chunk.at(-1);
    if (!last || chunk.length < chunkSize) return out;
    after = last.id;
  }
}
