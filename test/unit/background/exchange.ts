import type { ConversationRecord } from '@/lib/sites/gmail/records';

// A small mailbox for background tests: one account, a fixed "now", and
// threads where a client wrote and the user answered an hour later.

export const ME = 'olena@brightpath.studio';
export const NOW = Date.UTC(2026, 10, 20, 12);
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** A Gmail-style message id whose high bits are the time it was sent. */
export const messageId = (at: number, n: number) => ((BigInt(at) << 20n) | BigInt(n)).toString(10);

const me = { email: ME, name: 'Olena', isMe: true };

/** A thread where `email` wrote to the user `daysAgo` and the user answered an hour later. */
export function exchange(email: string, daysAgo: number, n: number): ConversationRecord {
  const at = NOW - daysAgo * DAY;
  const them = { email, name: email.split('@')[0] ?? '', isMe: false };
  return {
    threadId: messageId(at, n),
    subject: `Project ${n}`,
    foldedCount: 0,
    messages: [
      { messageId: messageId(at, n), from: them, to: [me], at, timeSource: 'id', state: 'collapsed' },
      {
        messageId: messageId(at + HOUR, n + 1),
        from: me,
        to: [them],
        at: at + HOUR,
        timeSource: 'id',
        state: 'expanded',
      },
    ],
  };
}
