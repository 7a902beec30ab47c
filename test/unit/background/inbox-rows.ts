import type { Participant, ThreadRowRecord } from '@/lib/sites/gmail/records';

// Gmail inbox rows as the content script reads them, written after the real
// 2025 inbox's (fixtures SOURCES §dom-2025): the newest message's id codes its
// exact time; the date title is the newest inbox message's minute, at UTC−4,
// in Gmail's en-US form. People and times are made up by each test.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const titleFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

/** A Gmail id coding the time `at`, told apart by `n`. */
export const gmailId = (at: number, n: number) => ((BigInt(at) << 20n) | BigInt(n)).toString(10);

/** Row `n`: its newest message at `newestAt`, its title dating `shownAt` (the same unless the user wrote last). */
export function inboxRow(n: number, participants: Participant[], count: number, newestAt: number, shownAt = newestAt) {
  return {
    threadId: gmailId(newestAt - 3 * DAY, n),
    lastMessageId: gmailId(newestAt, n),
    subject: `Thread ${n}`,
    snippet: 'Newest words',
    participants,
    unread: false,
    messageCount: count,
    hasDraft: false,
    lastActivityAt: newestAt,
    timeSource: 'id',
    dateTitle: titleFormat.format(new Date(shownAt - 4 * HOUR)),
  } satisfies ThreadRowRecord;
}
