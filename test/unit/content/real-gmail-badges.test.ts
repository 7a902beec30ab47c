// @vitest-environment happy-dom
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conversationBadgeSpot, type RowReading, rowBadgeSpots } from '@/lib/content/badge-spots';
import { RiskBadges } from '@/lib/content/risk-badges';
import type { ThreadRisk } from '@/lib/features/gmail/messages';
import { extractConversation } from '@/lib/sites/gmail/conversation';
import { queryWithFallbacks } from '@/lib/sites/gmail/selectors';
import { extractThreadRow } from '@/lib/sites/gmail/thread-rows';
import { REAL_2025 } from '../sites/gmail/fixtures';

// Where the badges go on the real 2025 Gmail pages (real mail: read here, never
// copied): first in each row's subject, and at the end of an open
// conversation's heading. Their boxes are checked in Chromium by
// test/e2e/real-gmail-2025.test.ts; here, the spots and that a badged row
// still reads the same.

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function load(file: string): void {
  // Without the page's scripts, frames and stylesheets, which would reach for Google's hosts.
  const html = readFileSync(file, 'utf8')
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<(link|iframe)\b[^>]*>/gi, '');
  document.documentElement.innerHTML = html.replace(/^[\s\S]*?<html[^>]*>/i, '').replace(/<\/html>\s*$/i, '');
}

function risk(threadId: string): ThreadRisk {
  return {
    threadId,
    clientKey: `client-of-${threadId}`,
    name: 'Client',
    level: 'watch',
    score: 40,
    levelText: 'Watch',
    scoreText: 'risk 40 of 100',
    reasons: [],
    label: 'Client: Watch',
  };
}

/** Draws a badge for every thread on the page, as if each were a client's. */
async function drawAll(me: string) {
  const ctx = { myAddresses: [me], now: Date.UTC(2025, 3, 10) };
  const rows = [...document.querySelectorAll('[gh=tl] tr.zA[id]')];
  const readings = new Map<Element, RowReading>();
  for (const row of rows) {
    const { record, failed } = extractThreadRow(row, ctx);
    readings.set(row, { threadId: record.threadId, failed });
  }
  const { conversation, health } = extractConversation(document, ctx);
  const badges = new RiskBadges(document, {
    ask: async (ids) => ({ threads: ids.map(risk), openHint: '' }),
    open: () => undefined,
  });
  const list = rowBadgeSpots(rows, (row) => readings.get(row));
  const container = queryWithFallbacks(document, 'conversation');
  badges.render([...list.spots, ...conversationBadgeSpot(container, conversation?.threadId, health)]);
  await flush();
  return { rows, ctx, listHealth: list.health, badges };
}

describe.each([
  ['conversation (split layout)', REAL_2025.conversation, 'ben@substrate.run', 15],
  ['inbox (default layout)', REAL_2025.inbox, 'benzguo@gmail.com', 50],
])('badges on the real 2025 %s', (_, file, me, rowCount) => {
  it.skipIf(!existsSync(file))('go first in each row’s subject, and a badged row reads as before', async () => {
    load(file);
    const { rows, ctx, listHealth } = await drawAll(me);
    expect(rows).toHaveLength(rowCount);
    expect(listHealth.healthy).toBe(true);
    for (const row of rows) {
      const badge = row.querySelector('keepwarm-badge');
      expect(badge?.parentElement?.classList.contains('bog')).toBe(true);
      expect(badge?.parentElement?.firstChild).toBe(badge);
    }
    for (const row of rows) {
      const withBadge = extractThreadRow(row, ctx);
      row.querySelector('keepwarm-badge')?.remove();
      expect(withBadge).toEqual(extractThreadRow(row, ctx));
    }
  });
});

describe.skipIf(!existsSync(REAL_2025.conversation))('the heading of the real 2025 conversation', () => {
  it('carries the conversation’s badge, last, though the user’s reply has no final id yet', async () => {
    load(REAL_2025.conversation);
    await drawAll('ben@substrate.run');
    const heading = document.querySelector('h2.hP');
    expect(heading?.lastElementChild?.tagName).toBe('KEEPWARM-BADGE');
    expect(heading?.querySelectorAll('keepwarm-badge')).toHaveLength(1);
  });
});
