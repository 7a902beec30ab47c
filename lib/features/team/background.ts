import { browser } from 'wxt/browser';
import type { BackgroundFeature, BackgroundServices } from '@/lib/background/services';
import { readUserSettings } from '@/lib/background/settings-store';
import { dashboardClients } from '@/lib/features/dashboard/background/dashboard-clients';
import type { HandlersOf } from '@/lib/messaging/handlers';
import { createTeamFeature } from './handlers';
import type { teamMessages, teamReplySchemas } from './messages';
import { createTeamNotices } from './team-notices';
import { createTeamView } from './team-view-handlers';
import type { teamViewMessages, teamViewReplySchemas } from './team-view-messages';

/**
 * While a team is connected this alarm keeps the background running, holding
 * its socket: Firefox suspends an idle event page whatever sockets it holds
 * (Chrome keeps a service worker alive while its socket carries messages),
 * and an alarm's event counts as activity. Should Firefox suspend it all the
 * same, the alarm wakes it again, and the background reconnects and catches up.
 */
export const TEAM_ALARM = 'keepwarm-team';
/** Within Firefox's thirty seconds of idleness; Chrome, which needs none, stretches it to its shortest, thirty. */
const TEAM_ALARM_MINUTES = 0.4;

type TeamHandlers = HandlersOf<typeof teamMessages, typeof teamReplySchemas> &
  HandlersOf<typeof teamViewMessages, typeof teamViewReplySchemas>;

/**
 * The team: the member's summaries published after every change of the
 * reports, the others' read into one local replica, and the team scope the
 * popup, side panel and Gmail badges show. Without a server configured it
 * makes no request at all.
 */
export function teamFeature({ db, reports }: BackgroundServices) {
  // Open pages hear when the team scope changed and ask again, rather than asking on a timer.
  const notices = createTeamNotices((notice) => browser.runtime.sendMessage(notice));
  const view = createTeamView({
    db,
    local: browser.storage.local,
    timeZone: async () => (await readUserSettings(db)).businessHours.timeZone,
    changed: notices.changed,
  });
  const sync = createTeamFeature({
    openReplica: view.openReplica,
    local: browser.storage.local,
    reports: async () => (await db.clients.toArray()).map((client) => client.report),
    // The histories the dashboard counts, so the team's dashboard counts the same months.
    histories: async (now) => {
      const accounts = await db.accounts.toArray();
      const lists = await Promise.all(accounts.map((a) => dashboardClients(db, a.address, now)));
      return lists.flatMap((list) => list.clients);
    },
    hasPermission: (origin) => browser.permissions.contains({ origins: [origin] }),
    keepAwake: (connected) =>
      connected
        ? browser.alarms.create(TEAM_ALARM, { periodInMinutes: TEAM_ALARM_MINUTES })
        : browser.alarms.clear(TEAM_ALARM),
  });
  reports.afterChange(() => {
    sync.publishSoon();
    view.ownReportsChanged();
  });
  const feature: BackgroundFeature<TeamHandlers> = {
    handlers: { ...sync.handlers, ...view.handlers },
    alarms: { [TEAM_ALARM]: () => sync.start() },
    start: () => {
      sync.start().catch((error: unknown) => console.error('Keepwarm: could not connect to the team server', error));
    },
  };
  return { ...feature, badgesInScope: view.badgesInScope };
}
