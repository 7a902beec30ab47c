import type { z } from 'zod';
import type { KeepwarmDb } from '@/lib/store/db';
import { dashboardClients } from './dashboard-clients';
import type { uiGetDashboardSchema } from './messages';

/** The background's answers to the dashboard's messages; reading only, so it never waits on storage space. */
export function dashboardHandlers(db: KeepwarmDb) {
  return {
    'ui/get-dashboard': ({ account }: z.infer<typeof uiGetDashboardSchema>) =>
      dashboardClients(db, account, Date.now()),
  };
}
