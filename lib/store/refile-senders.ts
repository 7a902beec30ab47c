import type { Transaction } from 'dexie';
import type { StoredMessage, StoredSettings } from '@/lib/data/stored-rows';
import { accountIdentity, clientRefsFor } from '@/lib/engine/account-identity';
import type { MailMessage } from '@/lib/engine/types';

/**
 * The upgrade to schema v5. Before it, mail from automated senders (no-reply,
 * notifications, newsletters…) was filed under no client at all; the engine
 * now reads it to say what it set aside and why, and counts it for a client the
 * user includes. Each stored message gains the refs of every external party,
 * by the same rule as new mail; no ref is taken away.
 */
export async function refileAutomatedSenders(tx: Transaction): Promise<void> {
  const settings = (await tx.table<StoredSettings, string>('settings').get('user'))?.settings;
  const refsOf = new Map<string, (message: MailMessage) => string[]>();
  await tx
    .table<StoredMessage>('messages')
    .toCollection()
    .modify((message) => {
      let refs = refsOf.get(message.account);
      if (!refs) {
        refs = clientRefsFor(message.account, accountIdentity(message.account, settings?.accounts?.[message.account]));
        refsOf.set(message.account, refs);
      }
      const all = [...new Set([...message.clientRefs, ...refs(message)])].sort();
      if (all.length !== message.clientRefs.length) message.clientRefs = all;
    });
}
