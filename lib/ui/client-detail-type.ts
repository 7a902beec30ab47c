import type { StoredClient, StoredClientOverride, StoredCrmLearning, StoredMessage } from '@/lib/data/stored-rows';
import type { ActivityWeek } from './activity-series';

/** Everything the side panel shows of one client, read from the database for the client view. */
export interface ClientDetail {
  client: StoredClient;
  accountPath?: string;
  override?: StoredClientOverride;
  /** Addresses of this client taken out of their organisation (person clients split from one). */
  split: boolean;
  /** Absent while the report predates the weeks of activity: the recompute after an update adds them. */
  activity?: ActivityWeek[];
  /** Newest first, at most TIMELINE_SHOWN. */
  timeline: StoredMessage[];
  messageCount: number;
  /** What the user's CRM taught about the client, and whether the user watches it. */
  learning?: StoredCrmLearning;
}
