// Dashboard fixtures: invented clients of a small studio, written as the
// history a client's report is built from (when they were in touch, each
// reply and how long it took), with times in UTC and a fixed `now`.
import type { ClientHistory, HistoryReply } from '@/lib/engine/client-history';
import type { DashboardClient } from '@/lib/engine/dashboard';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
/** 20 November 2026, noon UTC: the dashboard's twelve months are December 2025 to November 2026. */
export const NOW = Date.UTC(2026, 10, 20, 12);
export const at = (month: number, day: number, year = 2026) => Date.UTC(year, month - 1, day, 10);

export function client(
  key: string,
  contactAt: number[],
  fields: Partial<Omit<DashboardClient, keyof ClientHistory>> & { replies?: HistoryReply[] } = {},
): DashboardClient {
  const { replies = [], ...rest } = fields;
  return { key, name: rest.name ?? key, theirContactAt: contactAt, replies, ...rest };
}

export const ours = (when: number, hours: number): HistoryReply => ({ by: 'out', at: when, wallMs: hours * HOUR });
export const theirs = (when: number, hours: number): HistoryReply => ({ by: 'in', at: when, wallMs: hours * HOUR });
