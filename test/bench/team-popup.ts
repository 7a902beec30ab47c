import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { TEAM_FIRST_ROWS, TEAM_PAGE_MAX, type TeamWaitingPageReply } from '@/lib/features/team/team-view-messages';
import { startTeamServer } from '@/server/team/team-server';
import { openTeamStore } from '@/server/team/team-store';
import { grantOptionalHosts, launchWithExtension } from '../e2e/chromium';
import { sendFrom } from '../e2e/extension-page';
import type { Benchmark } from './benchmark';
import { clientsOf, popupFirstPaintMs, seed } from './popup-paint';
import { fillTeam } from './team-replication';

// The popup in the team scope against the popup of one account, in one
// Chromium profile, measured as popup-paint measures it (navigation to the
// browser's paint of the first waiting row, Element Timing). The account holds
// 5,000 clients; the team, through the real server on loopback, 20 members ×
// 5,000 summaries, replicated into the extension's IndexedDB before timing.
// Target: the team's first waiting row within 1.5× of the account's.

const MEMBERS = 20;
const ACCOUNT_CLIENTS = 5000;
const REPEAT = 7;
const TARGET_RATIO = 1.5;

interface TeamStatus {
  members: { self: boolean; clients: number }[];
}

/** The bytes, as JSON, of the team's whole waiting list asked for a page at a time, as the popup scrolls. */
async function wholeWaitingBytes(page: Page): Promise<number> {
  let bytes = 0;
  for (let offset = 0; ; offset += TEAM_PAGE_MAX) {
    const reply = (await sendFrom(page, { type: 'ui/team-waiting-page', offset, limit: TEAM_PAGE_MAX })) as
      | TeamWaitingPageReply
      | undefined;
    bytes += Buffer.byteLength(JSON.stringify(reply));
    if (!reply?.connected || offset + TEAM_PAGE_MAX >= reply.total) return bytes;
  }
}

export const teamPopup: Benchmark = {
  name: 'team-popup-first-paint',
  async run({ scale }) {
    const members = Math.max(1, Math.round(MEMBERS * scale));
    const dir = mkdtempSync(path.join(tmpdir(), 'keepwarm-bench-team-popup-'));
    const store = openTeamStore(path.join(dir, 'team.sqlite'));
    const server = await startTeamServer({ store, host: '127.0.0.1', port: 0 });
    const profile = path.join(dir, 'profile');
    const hosts = { localhost: server.port };
    try {
      const { teamId, token } = fillTeam(store, members, Date.now());
      const first = await launchWithExtension({ hosts, userDataDir: profile });
      const id = first.extensionId;
      await first.close();
      grantOptionalHosts(profile, id, ['http://localhost/*']);
      const browser = await launchWithExtension({ hosts, userDataDir: profile });
      try {
        const setup = await browser.openExtensionPage('options.html');
        await seed(setup, clientsOf(ACCOUNT_CLIENTS));
        const start = performance.now();
        await sendFrom(setup, { type: 'ui/team-connect', address: 'ws://localhost', teamId, token });
        const expected = members * 5000;
        for (;;) {
          const status = (await sendFrom(setup, { type: 'ui/team-status' })) as TeamStatus;
          const held = status.members.reduce((n, m) => n + (m.self ? 0 : m.clients), 0);
          if (held >= expected) break;
          if (performance.now() - start > 900_000)
            throw new Error(`only ${held} of ${expected} summaries after 15 min`);
          await setup.waitForTimeout(1000);
        }
        const replicatedMs = Math.round(performance.now() - start);
        await sendFrom(setup, { type: 'ui/set-view-scope', scope: 'mine' });
        const accountMs = await popupFirstPaintMs(browser, REPEAT);
        await sendFrom(setup, { type: 'ui/set-view-scope', scope: 'team' });
        // What the popup receives from the background to paint the team scope, as JSON, beside what
        // scrolling to the end of the waiting list would bring, page by page.
        const bytesOf = async (message: unknown) => Buffer.byteLength(JSON.stringify(await sendFrom(setup, message)));
        const payloadBytes = await bytesOf({ type: 'ui/team-lists', first: TEAM_FIRST_ROWS });
        const scrolledBytes = await wholeWaitingBytes(setup);
        const teamMs = await popupFirstPaintMs(browser, REPEAT, '[data-testid=team-waiting] li');
        const ratio = teamMs / accountMs;
        return {
          accountClients: ACCOUNT_CLIENTS,
          teamSummaries: expected,
          browserReplicatedMs: replicatedMs,
          accountMs,
          teamMs,
          payloadBytes,
          scrolledBytes,
          payloadRatio: Math.round((payloadBytes / scrolledBytes) * 1e6) / 1e6,
          ratio: Math.round(ratio * 100) / 100,
          target: `teamMs within ${TARGET_RATIO}× of accountMs`,
          withinTarget: ratio <= TARGET_RATIO,
          repeat: REPEAT,
        };
      } finally {
        await browser.close();
      }
    } finally {
      await server.stop();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
