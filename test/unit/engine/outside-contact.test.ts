import { describe, expect, it } from 'vitest';
import { analyzeAccount, analyzeClient } from '@/lib/engine/analyze';
import { DAY, HOUR, identity, ME, mail } from './mail-builders';

// Activities a CRM recorded count as contact (cadence, last contact) but never
// as mail (reply times, waiting); watched clients exist before any mail.

const now = Date.parse('2026-11-16T12:00:00Z');
const settings = { timeZone: 'UTC' };

const mails = () => [
  mail({ id: 'a1', threadId: 'ta', from: 'anna@acme.example', at: now - 120 * DAY }),
  mail({ id: 'a2', threadId: 'ta', from: ME, to: ['anna@acme.example'], at: now - 120 * DAY + 2 * HOUR }),
  mail({ id: 'a3', threadId: 'tb', from: 'anna@acme.example', at: now - 90 * DAY }),
  mail({ id: 'a4', threadId: 'tb', from: ME, to: ['anna@acme.example'], at: now - 90 * DAY + 5 * HOUR }),
];

function acmeOf(input: Parameters<typeof analyzeAccount>[0]) {
  return analyzeAccount(input).clients.find((c) => c.key === 'acme.example');
}

describe('contact outside mail', () => {
  it('ends a silence and says so, leaving reply times and counts to mail', () => {
    const base = { messages: mails(), identity, settings, now };
    const without = acmeOf(base);
    const events = [now - 60 * DAY, now - 30 * DAY, now - 2 * DAY].map((at) => ({ clientKey: 'acme.example', at }));
    const withEvents = acmeOf({ ...base, contactEvents: events });
    const silence = (report: typeof without) => report?.risk.reasons.find((r) => r.kind === 'silence');
    expect(silence(without)?.numbers).toMatchObject({ silenceDays: 89 });
    expect(silence(withEvents)?.numbers ?? { silenceDays: 2 }).toMatchObject({ silenceDays: 2 });
    expect(withEvents?.risk.score).toBeLessThan(without?.risk.score ?? 0);
    expect(withEvents?.metrics.outsideContact).toEqual({ count: 3, lastAt: now - 2 * DAY });
    expect(withEvents?.metrics.cadence?.contactDays).toBe(5);
    expect(withEvents?.metrics.latency).toEqual(without?.metrics.latency);
    expect([withEvents?.metrics.inbound, withEvents?.metrics.outbound]).toEqual([2, 2]);
  });

  it('names an activity as the last exchange when it is', () => {
    const old = [now - 400 * DAY, now - 200 * DAY].map((at) => ({ clientKey: 'acme.example', at }));
    const report = acmeOf({
      messages: mails().slice(0, 2),
      identity,
      settings,
      now,
      contactEvents: [...old, { clientKey: 'acme.example', at: now - 100 * DAY }],
    });
    const silence = report?.risk.reasons.find((r) => r.kind === 'silence');
    expect(silence?.numbers).toMatchObject({ silenceDays: 100, lastFromThem: false, outsideMail: true });
    expect(silence?.text).toContain('an activity in your CRM');
  });

  it('counts the same time once, refuses a time in the future, and follows merges and ignores', () => {
    const { clients, issues } = analyzeAccount({
      messages: mails(),
      identity,
      settings,
      now,
      overrides: { clients: { 'acme-group.example': { mergeInto: 'acme.example' }, 'gone.example': { ignore: true } } },
      contactEvents: [
        { clientKey: 'acme.example', at: now - 5 * DAY },
        { clientKey: 'acme-group.example', at: now - 5 * DAY },
        { clientKey: 'acme.example', at: now + 30 * DAY },
        { clientKey: 'acme.example', at: Number.NaN },
        { clientKey: 'gone.example', at: now - DAY },
      ],
    });
    expect(clients.map((c) => c.key)).toEqual(['acme.example']);
    expect(clients[0]?.metrics.outsideContact).toEqual({ count: 1, lastAt: now - 5 * DAY });
    expect(issues).toHaveLength(2);
  });

  it('makes a watched client a client before any mail, with nothing to fear yet', () => {
    const { clients } = analyzeAccount({
      messages: mails(),
      identity,
      settings,
      now,
      watchedClients: ['fresh.example'],
    });
    const fresh = clients.find((c) => c.key === 'fresh.example');
    expect(fresh).toMatchObject({ kind: 'org', addresses: [], metrics: { inbound: 0, outbound: 0 } });
    expect(fresh?.risk.level).toBe('low');
    const population = analyzeAccount({ messages: mails(), identity, settings, now }).population;
    const alone = analyzeClient({
      clientKey: 'fresh.example',
      messages: [],
      identity,
      settings,
      now,
      population,
      watchedClients: ['fresh.example'],
    });
    expect(alone?.key).toBe('fresh.example');
  });
});
