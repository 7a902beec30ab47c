import type { BulkEvidence, MailAddress } from '@/lib/engine/types';
import type { Participant, ThreadRowRecord } from './records';
import { offsetHoldsAt, offsetMatching, type ReadTitleWall, type TitleOffset } from './title-offset';
import type { GmailView } from './view';

// What a thread row tells for certain about its messages when nothing better
// (a conversation, Gmail's own data, an import) has been seen. A row shows the
// thread's people, its message count, the id (so the exact time) of its newest
// message, and a date title. Each rule below rests on Gmail facts read off
// real pages (fixtures SOURCES §dom-2025, DOM notes §1.4–1.6); anything they
// do not settle stays unknown.

/** The fact an inferred sender rests on; kept with the message. */
export type SenderEvidence =
  /** The thread has one message and one person, not the user: they sent it. */
  | 'one-message-row'
  /** Every message of the thread is from one person, not the user: the row names each sender once. */
  | 'single-sender-row'
  /** In the inbox, the newest message is dated by the row, so it is in the inbox, and the thread has one counterpart. */
  | 'newest-in-inbox-row'
  /** In the inbox, the newest message is later than the row's date, so not in the inbox: the user's, to the one counterpart. */
  | 'reply-after-shown-date'
  /** The inbox message the row dates, when the user wrote after it: the one counterpart's, to the user. */
  | 'shown-date-row';

export const SENDER_EVIDENCE: readonly SenderEvidence[] = [
  'one-message-row',
  'single-sender-row',
  'newest-in-inbox-row',
  'reply-after-shown-date',
  'shown-date-row',
];

export interface InferredSender {
  from: MailAddress;
  to: MailAddress[];
  evidence: SenderEvidence;
}

export interface RowMessage {
  /** Gmail's id; absent on the message a date title names, which has only its thread and minute. */
  id?: string;
  at: number;
  /** True for an id's time (exact), false for a title's (to the minute). */
  timeExact: boolean;
  /** Who sent it to whom, when the row makes it certain. */
  sender?: InferredSender;
}

export interface RowReading {
  messages: RowMessage[];
  /** Set on rows of a category tab: Gmail filed the thread as bulk mail. */
  bulk?: BulkEvidence;
}

export interface RowInferenceContext {
  view: GmailView;
  /** The account's address and aliases, lower-cased: "me" is decided here, not by the page. */
  myAddresses: readonly string[];
  /** The Gmail zone's offset from UTC, when certain (./title-offset); without it titles tell nothing. */
  titleOffset?: TitleOffset;
  readTitleWall: ReadTitleWall;
  /**
   * Whether this account's inbox has shown a reply of the user's outside it
   * (a row dated before its newest message: `showsReplyOutsideInbox`), here or
   * on an earlier page. Only then is a newest message the inbox holds taken as
   * a counterpart's.
   */
  repliesLeaveInbox?: boolean;
}

const MINUTE = 60_000;
const CATEGORIES = ['promotions', 'social', 'updates', 'forums'] as const;
type Category = (typeof CATEGORIES)[number];
const isCategory = (name: string | undefined): name is Category => CATEGORIES.includes(name as Category);
// Searches for the user's own mail list recipients, as the sent view does.
const RECIPIENT_SEARCH = /(?:^|\s)(?:(?:in|is|label):(?:sent|drafts?|scheduled|outbox)|from:me)(?:\s|$)/i;

type ViewKind = 'inbox' | 'senders';

/**
 * Whether a view's rows name their senders, and whether its date titles are
 * the inbox's. Sent, drafts, scheduled and outbox name recipients; views not
 * listed (spam, trash, snoozed, advanced search) are left alone.
 */
export function listViewKind(view: GmailView): ViewKind | undefined {
  const [param = ''] = view.params;
  switch (view.name) {
    case 'inbox':
      return 'inbox';
    case 'category':
      return isCategory(param) ? 'inbox' : undefined;
    case 'label':
    case 'starred':
    case 'imp':
    case 'all':
      return 'senders';
    case 'search':
      return RECIPIENT_SEARCH.test(param) ? undefined : 'senders';
    default:
      return undefined;
  }
}

function bulkOf(view: GmailView): BulkEvidence | undefined {
  const category = view.name === 'category' ? view.params[0] : undefined;
  return isCategory(category) ? { kind: 'gmail-category', category } : undefined;
}

const address = ({ email, name }: Participant): MailAddress => ({ email, name });

/** What the row's date title says about its newest message, in the inbox. */
function titleReading(row: ThreadRowRecord, idAt: number, ctx: RowInferenceContext) {
  const offset = ctx.titleOffset;
  if (offset === undefined || !row.dateTitle) return undefined;
  const wall = ctx.readTitleWall(row.dateTitle);
  if (wall === undefined) return undefined;
  // A row whose title fits another zone exactly may be one of a summer-time change: its title is not read.
  const fits = offsetMatching(idAt, wall);
  if (fits !== undefined && fits !== offset.minutes) return undefined;
  const shownAt = wall - offset.minutes * MINUTE;
  if (fits === offset.minutes) return { newestInInbox: true, shownAt } as const;
  // The newest message of a thread cannot be older than the newest one in the inbox: such a row is not read.
  if (idAt < shownAt + MINUTE) return undefined;
  // An older date is read only where the rows around it show the same offset.
  if (!offsetHoldsAt(offset, shownAt)) return undefined;
  return { newestInInbox: false, shownAt } as const;
}

/** Whether the row shows one of the user's messages outside the inbox: an inbox row dated before its newest message. */
export function showsReplyOutsideInbox(row: ThreadRowRecord, ctx: RowInferenceContext): boolean {
  if (listViewKind(ctx.view) !== 'inbox' || row.lastActivityAt === undefined || row.timeSource !== 'id') return false;
  if (!row.participants.some((p) => ctx.myAddresses.includes(p.email))) return false;
  return titleReading(row, row.lastActivityAt, ctx)?.newestInInbox === false;
}

/**
 * The messages a row shows: its newest (by id), and, in the inbox when the
 * user wrote last, the counterpart's message its date names. Senders are set
 * only where certain. Pure; never throws on what a page sent.
 */
export function readRowMessages(row: ThreadRowRecord, ctx: RowInferenceContext): RowReading {
  const bulk = bulkOf(ctx.view);
  const reading: RowReading = bulk ? { messages: [], bulk } : { messages: [] };
  if (!row.lastMessageId || row.lastActivityAt === undefined || row.timeSource !== 'id') return reading;
  const newest: RowMessage = { id: row.lastMessageId, at: row.lastActivityAt, timeExact: true };
  reading.messages.push(newest);
  const kind = listViewKind(ctx.view);
  if (!kind) return reading;

  const mine = row.participants.filter((p) => ctx.myAddresses.includes(p.email));
  const others = row.participants.filter((p) => !ctx.myAddresses.includes(p.email));
  const [counterpart] = others.length === 1 ? others : [];
  if (!counterpart) return reading;
  const user = mine[0] ? address(mine[0]) : { email: ctx.myAddresses[0] ?? '' };
  const fromCounterpart = (evidence: SenderEvidence): InferredSender => ({
    from: address(counterpart),
    to: user.email ? [user] : [],
    evidence,
  });
  // The row names every sender once: a thread whose only name is someone else's is all theirs.
  if (mine.length === 0) {
    newest.sender = fromCounterpart(row.messageCount === 1 ? 'one-message-row' : 'single-sender-row');
    return reading;
  }
  if (kind !== 'inbox') return reading;

  const title = titleReading(row, row.lastActivityAt, ctx);
  if (!title) return reading;
  if (title.newestInInbox) {
    // The newest message is in the inbox. Gmail files the user's own mail in
    // the inbox only when the user is among its recipients (a note to self, a
    // copy to self), not a reply to someone else; so the newest message is the
    // one counterpart's, in an inbox that has shown the user's replies outside
    // it. A user who copies every reply to themselves has no such row, and
    // one who does it now and then is misread only on those messages, until a
    // conversation or Gmail's data gives their sender: taken as certain enough.
    if (ctx.repliesLeaveInbox) newest.sender = fromCounterpart('newest-in-inbox-row');
    return reading;
  }
  // The newest message is not in the inbox but the row is: the user sent it,
  // after the inbox message the title dates, and that one is the counterpart's.
  if (row.messageCount < 2) return reading;
  // Which of the user's addresses wrote it is certain only when the row lists one.
  if (mine.length === 1) newest.sender = { from: user, to: [address(counterpart)], evidence: 'reply-after-shown-date' };
  reading.messages.push({ at: title.shownAt, timeExact: false, sender: fromCounterpart('shown-date-row') });
  return reading;
}
