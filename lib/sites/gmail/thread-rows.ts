import { readText } from './dom-text';
import { parseDecimalId, parseHexId } from './gmail-ids';
import { HealthCounter } from './health';
import { readParticipants } from './participants';
import type { ExtractContext, Health, ThreadRowRecord } from './records';
import { resolveTime } from './resolve-time';
import { css, first, type SelectorName } from './selectors';

/** In the vertical preview pane one thread spans the id row and up to two continuation rows. */
function rowParts(row: Element): Element[] {
  const parts = [row];
  let next = row.nextElementSibling;
  while (next && parts.length < 3 && !next.id && next.classList.contains('apv')) {
    parts.push(next);
    next = next.nextElementSibling;
  }
  return parts;
}

function queryParts(parts: Element[], name: SelectorName): Element | null {
  for (const part of parts) {
    const found = first(part, name);
    if (found) return found;
  }
  return null;
}

function queryAllParts(parts: Element[], selector: string): Element[] {
  return parts.flatMap((part) => [...part.querySelectorAll(selector)]);
}

function messageCount(parts: Element[], legacyMarkup: boolean): number {
  const counter = queryParts(parts, 'rowMessageCount');
  const fromCounter = counter ? Number.parseInt(counter.textContent ?? '', 10) : 0;
  if (fromCounter > 0) return fromCounter;
  if (!legacyMarkup) return 1;
  // 2014 markup wrote the count into the participants text: "me (15)".
  const legacy = /\((\d{1,4})\)\s*$/.exec(readText(queryParts(parts, 'rowParticipants')));
  return legacy?.[1] ? Number(legacy[1]) : 1;
}

/** A cheap key of what a row shows, so a re-render that changed nothing costs no extraction. */
export function rowFingerprint(row: Element): string {
  // The vertical layout keeps the ids in a continuation row.
  const parts = rowParts(row);
  const ids = queryParts(parts, 'rowIds');
  return [
    row.className,
    ids?.getAttribute('data-thread-id'),
    ids?.getAttribute('data-legacy-last-message-id'),
    queryParts(parts, 'rowDate')?.getAttribute('title'),
    queryParts(parts, 'rowParticipants')?.textContent,
  ].join('\u0001');
}

/** Where a badge for this row goes: its subject line, found in whichever of the row's parts holds it. */
export function rowBadgeSlot(row: Element): Element | null {
  return queryParts(rowParts(row), 'rowBadgeSlot');
}

/** Reads one thread row. Returns the record and the fields it could not read. */
export function extractThreadRow(row: Element, ctx: ExtractContext): { record: ThreadRowRecord; failed: string[] } {
  const parts = rowParts(row);
  const failed: string[] = [];
  // Fast path: in current markup the ids sit on the subject span inside span.bog,
  // next after Keepwarm's own badge once the row carries one.
  let bogChild = queryParts(parts, 'rowSubjectBog')?.firstElementChild;
  if (bogChild && !bogChild.hasAttribute('data-thread-id')) bogChild = bogChild.nextElementSibling;
  const ids = bogChild?.hasAttribute('data-thread-id') ? bogChild : queryParts(parts, 'rowIds');
  const legacyThread = parseHexId(ids?.getAttribute('data-legacy-thread-id'));
  const thread = parseDecimalId(ids?.getAttribute('data-thread-id')) ?? legacyThread;
  const last =
    parseHexId(ids?.getAttribute('data-legacy-last-non-draft-message-id')) ??
    parseHexId(ids?.getAttribute('data-legacy-last-message-id'));
  if (!thread) failed.push('threadId');

  const dateCell = queryParts(parts, 'rowDateCell');
  const dateElement = dateCell?.querySelector('span[title]') ?? queryParts(parts, 'rowDate');
  const time = resolveTime(last, dateElement?.getAttribute('title'), ctx);
  if (time.failed) failed.push('time');

  const participantCell = queryParts(parts, 'rowParticipants');
  const participants = readParticipants(
    participantCell ? participantCell.querySelectorAll('[email]') : queryAllParts(parts, css('rowParticipant')),
    ctx.myAddresses,
  );
  if (participants.length === 0) failed.push('participants');
  // In current markup the id span is the subject itself; only older markup needs the lookup.
  const subjectElement = ids?.closest('div.y6') ? ids : queryParts(parts, 'rowSubject');
  if (!subjectElement) failed.push('subject');
  const snippet = readText(queryParts(parts, 'rowSnippet')).replace(/^-\s*/, '');

  const record: ThreadRowRecord = {
    subject: readText(subjectElement).slice(0, 1000),
    snippet: snippet.slice(0, 500),
    participants,
    unread: row.classList.contains('zE'),
    messageCount: messageCount(parts, !ids),
    hasDraft: queryParts(parts, 'rowDraft') !== null,
  };
  if (thread) {
    record.threadId = thread.decimal;
    // Gmail's own hex saves a BigInt conversion per row.
    record.legacyThreadId = legacyThread?.hex ?? thread.hex;
  }
  if (last) record.lastMessageId = last.decimal;
  if (time.at !== undefined) record.lastActivityAt = time.at;
  if (time.source) record.timeSource = time.source;
  if (time.dateTitle) record.dateTitle = time.dateTitle;
  return { record, failed };
}

/** The thread rows of every list on the page, with a health report. Never throws. */
export function extractThreadList(
  root: ParentNode,
  ctx: ExtractContext,
): { threads: ThreadRowRecord[]; health: Health } {
  const health = new HealthCounter();
  const lists = root.querySelectorAll(css('threadList'));
  if (lists.length === 0) health.missingSelector('threadList');
  const threads: ThreadRowRecord[] = [];
  const seen = new Set<string>();
  for (const list of lists) {
    for (const row of list.querySelectorAll(css('threadRow'))) {
      if (row.classList.contains('bundle')) continue;
      try {
        const { record, failed } = extractThreadRow(row, ctx);
        // Ads and unsent new drafts look like rows but carry no thread id; only then is the check worth a query.
        if (!record.threadId && row.querySelector(css('rowNotThread'))) continue;
        // Gmail can briefly render a row twice while it swaps views; one thread is one record.
        if (record.threadId && seen.has(record.threadId)) continue;
        if (record.threadId) seen.add(record.threadId);
        health.record(failed);
        threads.push(record);
      } catch {
        health.record(['row']);
      }
    }
  }
  return { threads, health: health.report() };
}
