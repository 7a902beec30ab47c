// The demo's mail of one account as the options page's import sends it to the
// background: every message of the year, in batches the background accepts.
import type { MailAddress } from '@/lib/engine/types';
import { IMPORT_BATCH_MAX } from '@/lib/features/mailbox-import/messages';
import { mailMessagesOf } from './mailbox/mail-messages';
import type { DemoAccount } from './mailbox/types';

const address = ({ email, name }: MailAddress) => (name ? { email, name } : { email });

export function demoImportBatches(account: DemoAccount) {
  const mail = mailMessagesOf(account);
  const batches = [];
  for (let first = 0; first < mail.length; first += IMPORT_BATCH_MAX) {
    batches.push({
      type: 'ui/import-batch' as const,
      account: account.address,
      messages: mail.slice(first, first + IMPORT_BATCH_MAX).map((m, i) => ({
        id: m.id,
        threadId: m.threadId,
        at: m.at,
        from: address(m.from),
        to: m.to.map(address),
        cc: m.cc.map(address),
        subject: m.subject,
        snippet: m.snippet.slice(0, 1000),
        copyKey: (first + i).toString(16).padStart(16, '0'),
      })),
    });
  }
  return batches;
}
