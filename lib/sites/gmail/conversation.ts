import { readText } from './dom-text';
import { type GmailId, parseDecimalId, parseHexId } from './gmail-ids';
import { HealthCounter } from './health';
import { readParticipants } from './participants';
import type { ConversationRecord, ExtractContext, Health, MessageRecord } from './records';
import { resolveTime } from './resolve-time';
import { css, queryWithFallbacks } from './selectors';

// A reply the user has just sent carries a `msg-a:` id and no legacy id until
// Gmail syncs it (DOM notes §1.5): a known, passing state, not a read failure.
// Its `msg-a:` id is not the id Gmail will give it, so it is never used as one.
const JUST_SENT = /^#?msg-a:r?-?\d{1,25}$/;

function finalId(message: Element): { id?: GmailId; justSent: boolean } {
  const raw = message.getAttribute('data-message-id')?.trim() ?? '';
  const id =
    (/^#?msg-f:/.test(raw) ? parseDecimalId(raw) : undefined) ??
    parseHexId(message.getAttribute('data-legacy-message-id'));
  return { id, justSent: !id && JUST_SENT.test(raw) };
}

function readMessage(message: Element, ctx: ExtractContext): { record: MessageRecord; failed: string[] } {
  const failed: string[] = [];
  const { id, justSent } = finalId(message);
  const item = message.closest('[role=listitem]') ?? message;
  const from = readParticipants(message.querySelectorAll(css('messageSender')), ctx.myAddresses)[0];
  const to = readParticipants(message.querySelectorAll(css('messageRecipient')), ctx.myAddresses);
  const time = resolveTime(id, message.querySelector(css('messageDate'))?.getAttribute('title'), ctx);
  // Without its final id the background leaves the message for the next sighting, when Gmail has given it one.
  if (!id && !justSent) failed.push('messageId');
  if (!from) failed.push('sender');
  if (time.failed) failed.push('time');
  const record: MessageRecord = { to, state: item.classList.contains('kv') ? 'collapsed' : 'expanded' };
  if (id) record.messageId = id.decimal;
  if (from) record.from = from;
  if (time.at !== undefined) record.at = time.at;
  if (time.source) record.timeSource = time.source;
  if (time.dateTitle) record.dateTitle = time.dateTitle;
  return { record, failed };
}

/**
 * The open conversation, if the page shows one, with a health report. Never
 * throws. With `opened` (the URL opens a conversation) a page that shows none
 * is reported by what that view lacks, the conversation, not by what a list
 * view would lack.
 */
export function extractConversation(
  root: ParentNode,
  ctx: ExtractContext,
  { opened = false }: { opened?: boolean } = {},
): { conversation?: ConversationRecord; health: Health } {
  const health = new HealthCounter();
  const container = queryWithFallbacks(root, 'conversation');
  if (!container) {
    if (opened) health.missingSelector('conversation');
    return { health: health.report() };
  }
  const heading = container.querySelector(css('conversationSubject'));
  if (!heading) health.missingSelector('conversationSubject');
  const legacyThread = parseHexId(heading?.getAttribute('data-legacy-thread-id'));
  const thread = parseDecimalId(heading?.getAttribute('data-thread-perm-id')) ?? legacyThread;
  const messages: MessageRecord[] = [];
  for (const element of container.querySelectorAll(css('message'))) {
    try {
      const { record, failed } = readMessage(element, ctx);
      health.record(failed);
      messages.push(record);
    } catch {
      health.record(['message']);
    }
  }
  if (messages.length === 0) health.missingSelector('message');
  const folded = [...container.querySelectorAll(css('folded'))].reduce((sum, fold) => {
    const count = Number.parseInt(/\d+/.exec(fold.textContent ?? '')?.[0] ?? '0', 10);
    return sum + (Number.isFinite(count) ? count : 0);
  }, 0);
  const conversation: ConversationRecord = { subject: readText(heading).slice(0, 1000), messages, foldedCount: folded };
  if (thread) {
    conversation.threadId = thread.decimal;
    conversation.legacyThreadId = legacyThread?.hex ?? thread.hex;
  } else health.record(['threadId']);
  return { conversation, health: health.report() };
}
