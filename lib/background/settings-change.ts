import type { UserSettings } from '@/lib/settings/user-settings';

/**
 * Whether a settings change can change any client's report. The language and
 * the digest cannot: saving them alone must not cost a recompute of every
 * client, which on a large mailbox takes seconds.
 */
export function changesReports(before: UserSettings, after: UserSettings): boolean {
  const engineSide = ({ language: _l, notifications: _n, ...rest }: UserSettings) => JSON.stringify(rest);
  return engineSide(before) !== engineSide(after);
}
