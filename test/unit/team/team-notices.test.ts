import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTeamNotices } from '@/lib/features/team/team-notices';
import type { TeamChangedNotice } from '@/lib/features/team/team-view-messages';

// A colleague's first sync applies thousands of replicated updates in a row:
// the open pages must hear a few notices a second, not one per update, and
// none may be lost at the end of the burst.

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

function notices() {
  const sent: TeamChangedNotice[] = [];
  const team = createTeamNotices(async (notice) => void sent.push(notice), 250);
  return { sent, team };
}

describe('the team-changed notices', () => {
  it('send one notice for a change, a moment later', async () => {
    const { sent, team } = notices();
    team.changed();
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(250);
    expect(sent).toEqual([{ type: 'background/team-changed' }]);
  });

  it('send at most four a second through a burst of replicated updates, the last after its last update', async () => {
    const sentAt: number[] = [];
    const team = createTeamNotices(async () => void sentAt.push(Date.now()), 250);
    const start = Date.now();
    // 5,000 updates over two seconds.
    let lastChange = start;
    for (let i = 0; i < 5000; i += 1) {
      team.changed();
      lastChange = Date.now();
      await vi.advanceTimersByTimeAsync(i % 5 === 4 ? 2 : 0);
    }
    await vi.advanceTimersByTimeAsync(10_000);
    expect(lastChange - start).toBe(1998);
    expect(sentAt.length).toBe(8);
    for (let i = 1; i < sentAt.length; i += 1)
      expect((sentAt[i] ?? 0) - (sentAt[i - 1] ?? 0)).toBeGreaterThanOrEqual(250);
    // The updates at the very end of the burst are not left unannounced, and nothing follows.
    expect(sentAt.at(-1)).toBeGreaterThanOrEqual(lastChange);
    expect(sentAt.at(-1)).toBeLessThanOrEqual(lastChange + 250);
  });

  it('send again after a quiet while, and go on when no page was open to hear one', async () => {
    let open = false;
    const sent: TeamChangedNotice[] = [];
    const team = createTeamNotices(async (notice) => {
      // The browser refuses a message nobody listens to.
      if (!open) throw new Error('Could not establish connection. Receiving end does not exist.');
      sent.push(notice);
    }, 250);
    team.changed();
    await vi.advanceTimersByTimeAsync(250);
    expect(sent).toEqual([]);
    open = true;
    team.changed();
    await vi.advanceTimersByTimeAsync(250);
    expect(sent).toHaveLength(1);
  });
});
