// Every selector the Gmail extractors use, in one table (the list's here, the
// open conversation's in conversation-selectors.ts). Each names the pages
// it must match and how often; test/unit/sites/gmail/selectors.test.ts is
// generated from this table, so a selector that stops matching a real or demo
// page fails a test rather than silently reading nothing.
//
// Fixtures: `real-2014-list` and `real-2014-preview` are real Gmail captures
// (../shared/fixtures/gmail/dom); `real-2025-inbox` (default layout) and
// `real-2025-conversation` (a conversation open beside its list, split layout)
// are real pages of today's Gmail (../shared/fixtures/gmail/dom-2025); `demo-*`
// are the demo mailbox's pages for seed 7 at 2026-11-20T12:00Z (test/demo);
// `current-*` are our own hand-written pages of today's markup (test/fixtures/gmail).

import { CONVERSATION_SELECTORS } from './conversation-selectors';
import type { SelectorSpec } from './selector-spec';

export const SELECTORS = {
  threadList: {
    css: '[gh=tl]',
    why: "Gmail's own hook for a thread list; survived every redesign since 2014.",
    matches: {
      'real-2014-list': 1,
      'demo-inbox': 1,
      'current-inbox': 1,
      'current-inbox-vertical': 1,
      'current-inbox-ru': 1,
      'real-2025-inbox': 1,
      'real-2025-conversation': 1,
    },
  },
  threadRow: {
    css: 'tr.zA[id]',
    why: 'The first row of each thread carries an id; vertical preview-pane continuation rows do not.',
    matches: {
      'real-2014-list': 16,
      'real-2014-preview': 3,
      'demo-inbox': 50,
      'demo-inbox-vertical': 50,
      'current-inbox': 8,
      'current-inbox-vertical': 4,
      'current-inbox-ru': 4,
      'real-2025-inbox': 50,
      'real-2025-conversation': 15,
    },
  },
  rowIds: {
    css: '[data-thread-id][data-legacy-thread-id]',
    why: 'Current Gmail puts the thread ids (and the time-coded last-message id) on the subject span.',
    matches: {
      'real-2014-list': 0,
      'demo-inbox': 50,
      'current-inbox': 5,
      'current-inbox-vertical': 4,
      'current-inbox-ru': 3,
      'real-2025-inbox': 99,
      'real-2025-conversation': 29,
    },
  },
  rowParticipants: {
    css: 'div.yW',
    className: 'yW',
    why: 'The participants cell; 2014 markup also wrote the message count here as "me (15)".',
    matches: {
      'real-2014-list': 16,
      'real-2014-preview': 3,
      'demo-inbox': 50,
      'current-inbox': 6,
      'current-inbox-vertical': 4,
      'current-inbox-ru': 4,
      'real-2025-inbox': 50,
      'real-2025-conversation': 15,
    },
  },
  rowParticipant: {
    css: 'div.yW span[email]',
    why: 'Senders shown in the row, each with its address; the user appears with a localized name.',
    matches: {
      'real-2014-list': 16,
      'real-2014-preview': 3,
      'demo-inbox': 97,
      'current-inbox': 9,
      'current-inbox-vertical': 6,
      'current-inbox-ru': 6,
      'real-2025-inbox': 77,
      'real-2025-conversation': 18,
    },
  },
  rowMessageCount: {
    css: 'div.yW .bx0',
    className: 'bx0',
    why: 'The message count when a thread has more than one (2014 wrote it as "me (15)" text).',
    matches: {
      'real-2014-list': 0,
      'demo-inbox': 46,
      'current-inbox': 3,
      'current-inbox-vertical': 2,
      'current-inbox-ru': 2,
      'real-2025-inbox': 25,
      'real-2025-conversation': 4,
    },
  },
  rowDraft: {
    css: '.boq',
    className: 'boq',
    why: 'The red "Draft" marker of a thread with an unsent reply.',
    matches: {
      'real-2014-list': 0,
      'demo-inbox': 1,
      'current-inbox': 1,
      'current-inbox-vertical': 1,
      'current-inbox-ru': 2,
      'real-2025-inbox': 0,
      'real-2025-conversation': 0,
    },
  },
  rowNotThread: {
    css: '.am0, .bvA, [data-standalone-draft-id]',
    why: 'Rows that are no conversation: Promotions ads (`.am0`, `.bvA`) and new drafts not yet sent to anyone.',
    matches: {
      'real-2014-list': 0,
      'demo-inbox': 0,
      'current-inbox': 1,
      'current-inbox-ru': 1,
      'real-2025-inbox': 0,
      'real-2025-conversation': 0,
    },
  },
  rowSubject: {
    css: 'div.y6 > span:first-child',
    why: 'Subject container; its first span holds the text (span.bog in current markup).',
    matches: {
      'real-2014-list': 16,
      'real-2014-preview': 3,
      'demo-inbox': 50,
      'current-inbox': 7,
      'current-inbox-vertical': 4,
      'current-inbox-ru': 4,
      'real-2025-inbox': 50,
      'real-2025-conversation': 15,
    },
  },
  rowSubjectBog: {
    css: '.bog',
    className: 'bog',
    why: 'Current subject wrapper; its first child carries the thread ids (a fast path for rowIds).',
    matches: {
      'real-2014-list': 0,
      'demo-inbox': 50,
      'current-inbox': 6,
      'current-inbox-vertical': 4,
      'current-inbox-ru': 4,
      'real-2025-inbox': 50,
      'real-2025-conversation': 15,
    },
  },
  rowSnippet: {
    css: '.y2',
    className: 'y2',
    why: 'The snippet, prefixed with " - " in the default layout; absent for messages without text.',
    matches: {
      'real-2014-list': 14,
      'real-2014-preview': 2,
      'demo-inbox': 50,
      'current-inbox': 6,
      'current-inbox-vertical': 3,
      'current-inbox-ru': 4,
      'real-2025-inbox': 50,
      'real-2025-conversation': 15,
    },
  },
  rowDate: {
    css: 'td.xW span[title], td.apt div.apm span[title]',
    why: 'The date cell: `title` is the full local timestamp (default and vertical layouts).',
    matches: {
      'real-2014-list': 16,
      'real-2014-preview': 3,
      'demo-inbox': 50,
      'demo-inbox-vertical': 50,
      'current-inbox': 6,
      'current-inbox-vertical': 4,
      'current-inbox-ru': 4,
      'real-2025-inbox': 50,
      'real-2025-conversation': 15,
    },
  },
  rowDateCell: {
    css: '.xW',
    className: 'xW',
    why: 'The date cell of the default layout, a fast path for rowDate; the vertical layout falls back to rowDate.',
    matches: {
      'real-2014-list': 16,
      'real-2014-preview': 1,
      'demo-inbox': 50,
      'demo-inbox-vertical': 0,
      'current-inbox': 6,
      'current-inbox-vertical': 0,
      'current-inbox-ru': 4,
      'real-2025-inbox': 50,
      'real-2025-conversation': 15,
    },
  },
  rowBadgeSlot: {
    css: '.bog',
    className: 'bog',
    fallbacks: [
      {
        css: 'div.xT',
        era: '2014 markup, before span.bog',
        matches: { 'real-2014-list': 16, 'real-2014-preview': 3 },
      },
    ],
    why:
      'The subject: the badge goes first in it, inline on the line the subject already has, whatever the layout. ' +
      'Not `div.xT` or `div.y6` around it: the split layout of 2025 stacks both as columns (subject over snippet), ' +
      'so a badge there became a line of its own, overlapped the subject and pushed the snippet out of the row.',
    matches: {
      'real-2014-list': 0,
      'demo-inbox': 50,
      'demo-inbox-vertical': 50,
      'current-inbox': 6,
      'current-inbox-vertical': 4,
      'current-inbox-ru': 4,
      'real-2025-inbox': 50,
      'real-2025-conversation': 15,
    },
  },
  ...CONVERSATION_SELECTORS,
} satisfies Record<string, SelectorSpec>;

export type SelectorName = keyof typeof SELECTORS;

export const css = (name: SelectorName): string => SELECTORS[name].css;

/** The first element the selector or, failing it, one of its dated fallbacks matches. */
export function queryWithFallbacks(root: ParentNode, name: SelectorName): Element | null {
  const spec: SelectorSpec = SELECTORS[name];
  let found = root.querySelector(spec.css);
  for (const fallback of spec.fallbacks ?? []) found ??= root.querySelector(fallback.css);
  return found;
}

/** The first element under `root` that a table selector or, failing it, one of its dated fallbacks matches. */
export function first(root: Element, name: SelectorName): Element | null {
  const spec: SelectorSpec = SELECTORS[name];
  let found = spec.className ? (root.getElementsByClassName(spec.className)[0] ?? null) : root.querySelector(spec.css);
  for (const fallback of spec.fallbacks ?? []) found ??= root.querySelector(fallback.css);
  return found;
}
