import { describe, expect, it } from 'vitest';
import { changesReports } from '@/lib/background/settings-change';
import { defaultUserSettings, parseUserSettings } from '@/lib/settings/user-settings';

describe('settings changes', () => {
  const base = defaultUserSettings('Europe/Kyiv');
  const change = (patch: object) => parseUserSettings({ ...base, ...patch });

  it('recomputes for what the engine reads, not for the language or the digest', () => {
    expect(changesReports(base, change({ language: 'uk' }))).toBe(false);
    expect(changesReports(base, change({ notifications: { dailyDigest: true, digestHour: 7 } }))).toBe(false);
    expect(changesReports(base, change({ replyTargetHours: 3 }))).toBe(true);
    expect(changesReports(base, change({ checkInPercent: 35 }))).toBe(true);
    expect(changesReports(base, change({ ignoredDomains: ['supplier.com'] }))).toBe(true);
    expect(changesReports(base, change({ businessHours: { ...base.businessHours, startHour: 8 } }))).toBe(true);
    expect(changesReports(base, change({ accounts: { 'me@acme.com': { aliases: ['hi@acme.com'] } } }))).toBe(true);
  });
});
