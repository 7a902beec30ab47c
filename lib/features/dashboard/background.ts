import type { BackgroundFeature, BackgroundServices } from '@/lib/background/services';
import type { HandlersOf } from '@/lib/messaging/handlers';
import { dashboardClients } from './background/dashboard-clients';
import type { dashboardMessages, dashboardReplies } from './messages';

type DashboardHandlers = HandlersOf<typeof dashboardMessages, typeof dashboardReplies>;

/** The background's answers to the dashboard's messages; reading only, so it never waits on storage space. */
export function dashboardFeature({ db }: BackgroundServices): BackgroundFeature<DashboardHandlers> {
  return {
    handlers: {
      'ui/get-dashboard': async ({ account }) => dashboardClients(db, account, Date.now()),
    },
  };
}
