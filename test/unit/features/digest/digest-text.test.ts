import { describe, expect, it } from 'vitest';
import type { StoredClient } from '@/lib/data/stored-rows';
import { buildDigest, nextDigestAt } from '@/lib/features/digest/digest-text';
import { createTranslator } from '@/lib/i18n/translate';

const NOW = Date.UTC(2026, 10, 20, 9);
const HOUR = 3_600_000;

function client(key: string, level: string, riskScore: number, waitingHours?: number): StoredClient {
  return {
    account: 'olena@brightpath.studio',
    key,
    riskScore,
    waitingOnUsSince: waitingHours === undefined ? undefined : NOW - waitingHours * HOUR,
    computedAt: NOW,
    report: { key, displayName: key.split('.')[0]?.toUpperCase(), risk: { level, score: riskScore, reasons: [] } },
  } as unknown as StoredClient;
}

describe('daily digest', () => {
  it('says nothing when nobody waits and nobody is at risk', () => {
    expect(
      buildDigest([client('calm.com', 'low', 5), client('meh.com', 'watch', 30)], NOW, createTranslator('en')),
    ).toBeUndefined();
  });

  it('lists who waits, longest first, then who is at risk, and opens the riskiest', () => {
    const digest = buildDigest(
      [
        client('calm.com', 'low', 5),
        client('brief.com', 'watch', 35, 3),
        client('long.com', 'high', 60, 50),
        client('gone.com', 'critical', 90),
      ],
      NOW,
      createTranslator('en'),
    );
    expect(digest).toEqual({
      title: 'Keepwarm: 2 waiting on you, 2 at risk',
      message: ['LONG waits 2 days 2 hours', 'BRIEF waits 3 hours', 'GONE: risk “Critical”'].join('\n'),
      target: { account: 'olena@brightpath.studio', clientKey: 'gone.com' },
    });
  });

  it('speaks the user’s language and says how many more there are', () => {
    const clients = Array.from({ length: 6 }, (_, i) => client(`c${i}.com`, 'high', 60 + i, i + 1));
    const digest = buildDigest(clients, NOW, createTranslator('uk'));
    expect(digest?.title).toBe('Keepwarm: чекають на вас — 6, під ризиком — 6');
    expect(digest?.message.split('\n')).toHaveLength(5);
    expect(digest?.message).toContain('C5 чекає 6 годин');
    expect(digest?.message.endsWith('…і ще 2')).toBe(true);
    expect(digest?.target.clientKey).toBe('c5.com');
  });

  it('fires at the chosen hour of the user’s time zone, the next day once it has passed, across DST', () => {
    const kyiv = 'Europe/Kyiv';
    // 09:00 UTC is 11:00 in Kyiv (UTC+2 in November): 09:00 tomorrow there is 07:00 UTC.
    expect(nextDigestAt(NOW, 9, kyiv)).toBe(Date.UTC(2026, 10, 21, 7));
    expect(nextDigestAt(NOW, 18, kyiv)).toBe(Date.UTC(2026, 10, 20, 16));
    expect(nextDigestAt(Date.UTC(2026, 10, 20, 16), 18, kyiv)).toBe(Date.UTC(2026, 10, 21, 16));
    // The night summer time starts (29 March 2026), 09:00 is 06:00 UTC.
    expect(nextDigestAt(Date.UTC(2026, 2, 28, 12), 9, kyiv)).toBe(Date.UTC(2026, 2, 29, 6));
  });
});
