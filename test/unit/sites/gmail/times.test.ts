import { describe, expect, it } from 'vitest';
import { parseDecimalId, parseHexId, timeFromId } from '@/lib/sites/gmail/gmail-ids';
import { parseTitleTime } from '@/lib/sites/gmail/title-time';

const NOW = Date.UTC(2026, 10, 20);

describe('times from Gmail ids', () => {
  it('reads the 2014 thread id of the real capture as 2014-12-18 20:35:06 UTC', () => {
    expect(timeFromId(parseHexId('14a5f1c6f7aeeebc'), NOW)).toBe(Date.UTC(2014, 11, 18, 20, 35, 6, 746));
  });

  it('agrees between the decimal and hex forms', () => {
    expect(parseDecimalId('#thread-f:1743836977043622489')?.hex).toBe('18335a7dcae04a59');
  });

  it.each([
    ['"undefined"', '#thread-f:undefined'],
    ['empty', ''],
    ['a draft id', '#msg-a:r-12345'],
    ['junk', 'thread-f:12ab'],
  ])('refuses %s', (_, raw) => {
    expect(parseDecimalId(raw)).toBeUndefined();
  });

  it('accepts thread-a: and a |msg-f: suffix', () => {
    expect(parseDecimalId('thread-a:123456789012345678')?.decimal).toBe('123456789012345678');
    expect(parseDecimalId('#thread-f:1743836977043622489|msg-f:1743836977043622490')?.decimal).toBe(
      '1743836977043622489',
    );
  });

  it('gives no time for ids that do not code a plausible one', () => {
    expect(timeFromId(parseHexId('000000000001'), NOW)).toBeUndefined();
    const future = ((BigInt(NOW + 5 * 86_400_000) << 20n) | 1n).toString(16);
    expect(timeFromId(parseHexId(future), NOW)).toBeUndefined();
  });
});

describe('times from localized titles', () => {
  const kyiv = { timeZone: 'Europe/Kyiv', now: NOW };
  it.each([
    ['en-US 2014', 'Thu, Dec 18, 2014 at 12:35 PM', 'America/Los_Angeles', Date.UTC(2014, 11, 18, 20, 35)],
    ['en-US now', 'Thu, Dec 18, 2025, 12:35 PM', 'America/New_York', Date.UTC(2025, 11, 18, 17, 35)],
    ['en-GB', '20 Aug 2025, 13:19 (2 days ago)', 'Europe/London', Date.UTC(2025, 7, 20, 12, 19)],
    ['ru', '26 дек. 2019 г., 22:53', 'Europe/Moscow', Date.UTC(2019, 11, 26, 19, 53)],
    ['uk with weekday', 'чт, 18 груд. 2025 р., 22:35', 'Europe/Kyiv', Date.UTC(2025, 11, 18, 20, 35)],
    ['de', 'Do., 18. Dez. 2025, 20:35', 'Europe/Berlin', Date.UTC(2025, 11, 18, 19, 35)],
    ['fr', 'jeu. 18 déc. 2025, 20:35', 'Europe/Paris', Date.UTC(2025, 11, 18, 19, 35)],
    ['es', 'jue, 18 dic 2025, 20:35', 'Europe/Madrid', Date.UTC(2025, 11, 18, 19, 35)],
    ['pl', 'czw., 18 gru 2025, 20:35', 'Europe/Warsaw', Date.UTC(2025, 11, 18, 19, 35)],
  ])('%s', (_, title, timeZone, expected) => {
    expect(parseTitleTime(title, { timeZone, now: NOW })).toBe(expected);
  });

  it.each(['yesterday', '', 'Thu, Dec 18', '2016年5月4日 上午10:08', 'x'.repeat(500)])('refuses %j', (title) => {
    expect(parseTitleTime(title, kyiv)).toBeUndefined();
  });

  // Gmail's titles are CLDR medium dates with short times, as Intl writes them:
  // every month of every supported language must read back to the same minute.
  const LOCALES = ['en-US', 'en-GB', 'uk', 'ru', 'de', 'fr', 'es', 'pl'];
  const STYLES: Intl.DateTimeFormatOptions[] = [
    { dateStyle: 'medium', timeStyle: 'short' },
    { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' },
  ];
  it.each(LOCALES)('reads back what Intl writes for %s, every month, with and without the weekday', (locale) => {
    const timeZone = 'America/Sao_Paulo';
    for (const style of STYLES) {
      for (let month = 0; month < 12; month++) {
        for (const hour of [0, 11, 13, 23]) {
          const at = Date.UTC(2025, month, 3 + month * 2, hour, 7);
          const title = new Intl.DateTimeFormat(locale, { ...style, timeZone }).format(at);
          expect([title, parseTitleTime(title, { timeZone, now: NOW, language: locale })]).toEqual([title, at]);
          expect([title, parseTitleTime(title, { timeZone, now: NOW })]).toEqual([title, at]);
        }
      }
    }
  });

  it("defaults to the runtime's time zone", () => {
    const title = 'Thu, Dec 18, 2025, 12:35 PM';
    const runtimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(parseTitleTime(title, { now: NOW })).toBe(parseTitleTime(title, { timeZone: runtimeZone, now: NOW }));
  });
});
