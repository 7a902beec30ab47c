// @vitest-environment happy-dom
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { TeamWaitRowView } from '@/lib/features/team/team-view-messages';
import { type TeamWaiting, useTeamScope } from '@/lib/ui/use-team-scope';

// The team's waiting list arrives in pages: the first rows with the lists,
// the others as they come into view, each page of the merge the first rows
// came from; a page of a newer merge asks for the lists again.

const ROWS = 130;
const row = (i: number, version: string): TeamWaitRowView => ({
  key: `c${i}.example`,
  name: `${version} ${i}`,
  level: 'watch',
  score: 30,
  place: { memberId: 'bob', name: 'Bob', self: false, since: 0, priority: 2, urgency: 2, dueAt: 0 },
});

let root: Root;
let version: string;
let asked: { type: string; offset?: number; limit?: number }[];
let waiting: TeamWaiting | undefined;

function Probe() {
  waiting = useTeamScope().waiting;
  return null;
}

const rowsOf = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => row(from + i, version));

describe('the team’s waiting list in pages', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    version = 'v1';
    asked = [];
    waiting = undefined;
    fakeBrowser.runtime.onMessage.addListener((raw: unknown) => {
      const message = raw as { type: string; first?: number; offset?: number; limit?: number };
      if (message.type === 'ui/team-lists') {
        asked.push({ type: message.type });
        return Promise.resolve({
          connected: true,
          version,
          waiting: { rows: rowsOf(0, message.first ?? 0), total: ROWS },
          riskiest: [],
          ignored: { stale: 0, future: 0, invalid: 0 },
          computedAt: 1,
        });
      }
      if (message.type === 'ui/team-waiting-page') {
        const { offset = 0, limit = 0 } = message;
        asked.push({ type: message.type, offset, limit });
        return Promise.resolve({
          connected: true,
          version,
          offset,
          rows: rowsOf(offset, Math.min(ROWS, offset + limit)),
          total: ROWS,
        });
      }
      return undefined;
    });
    root = createRoot(document.createElement('div'));
  });
  afterEach(() => root.unmount());

  it('asks for nothing more while the first rows are in view, then for the pages coming into view', async () => {
    root.render(createElement(Probe));
    await expect.poll(() => waiting?.rows.length).toBe(ROWS);
    expect(waiting?.rows.filter(Boolean)).toHaveLength(12);
    waiting?.need(0, 11);
    expect(asked).toEqual([{ type: 'ui/team-lists' }]);
    waiting?.need(40, 60);
    waiting?.need(45, 65);
    await expect.poll(() => waiting?.rows.filter(Boolean).length).toBe(100);
    expect(asked.slice(1)).toEqual([
      { type: 'ui/team-waiting-page', offset: 0, limit: 50 },
      { type: 'ui/team-waiting-page', offset: 50, limit: 50 },
    ]);
    expect(waiting?.rows.map((r) => r?.key)).toEqual([
      ...Array.from({ length: 100 }, (_, i) => `c${i}.example`),
      ...Array.from({ length: 30 }, () => undefined),
    ]);
  });

  it('asks for the lists again when a page comes from a newer merge, and keeps no row of the older', async () => {
    root.render(createElement(Probe));
    await expect.poll(() => waiting?.rows.length).toBe(ROWS);
    version = 'v2';
    waiting?.need(100, 110);
    await expect.poll(() => asked.filter((a) => a.type === 'ui/team-lists').length).toBe(2);
    await expect.poll(() => waiting?.rows[0]?.name).toBe('v2 0');
    expect(waiting?.rows.filter(Boolean)).toHaveLength(12);
  });
});
