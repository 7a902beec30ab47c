import type { MailMessage } from '@/lib/engine/types';
import type { DemoAccount } from './types';

/** An account's demo mail as the engine reads it: every message with its thread's id and subject. */
export function mailMessagesOf(account: DemoAccount): MailMessage[] {
  return account.threads.flatMap((thread) =>
    thread.messages.map((m) => ({
      id: m.id,
      threadId: thread.id,
      at: m.at,
      from: m.from,
      to: m.to,
      cc: m.cc,
      subject: thread.subject,
      snippet: m.snippet,
    })),
  );
}
