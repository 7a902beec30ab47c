import { describe, expect, it } from 'vitest';
import { analyzeAccount, analyzeClient } from '@/lib/engine/analyze';
import { SettingsError } from '@/lib/engine/settings';
import type { MailMessage } from '@/lib/engine/types';
import { DAY, HOUR, identity, ME, mail, syntheticMailbox } from './mail-builders';

// Monday 2026-11-16 12:00 UTC.
const now = Date.parse('2026-11-16T12:00:00Z');
const settings = { timeZone: 'UTC' };

function conversation(): MailMessage[] {
  return [
    // acme.example: a long relationship, now waiting on us with a complaint.
    mail({ id: 'a1', threadId: 'ta', from: 'anna@acme.example', at: now - 200 * DAY, subject: 'Website' }),
    mail({ id: 'a2', threadId: 'ta', from: ME, to: ['anna@acme.example'], at: now - 200 * DAY + 3 * HOUR }),
    mail({
      id: 'a3',
      threadId: 'tb',
      from: 'bob@acme.example',
      at: now - 3 * DAY - 2 * HOUR,
      subject: 'Launch',
      snippet: 'We are not happy with the delays',
    }),
    mail({ id: 'a4', threadId: 'tb', from: 'bob@acme.example', at: now - 2 * DAY, snippet: 'Any news?' }),
    // petro@gmail.com: a person, we wrote last and he has not answered.
    mail({ id: 'p1', threadId: 'tp', from: 'petro@gmail.com', at: now - 40 * DAY }),
    mail({ id: 'p2', threadId: 'tp', from: ME, to: ['petro@gmail.com'], at: now - 20 * DAY, subject: 'Offer' }),
    // A colleague and a robot: neither is a client.
    mail({ id: 'i1', threadId: 'ti', from: 'ivan@studio.example', at: now - DAY }),
    mail({ id: 'n1', threadId: 'tn', from: 'no-reply@bank.example', at: now - DAY }),
  ];
}

describe('analyzeAccount', () => {
  it('reports each client with metrics, whose turn, risk reasons and follow-ups', () => {
    const { clients, issues } = analyzeAccount({ messages: conversation(), identity, settings, now });
    expect(issues).toEqual([]);
    expect(clients.map((c) => [c.key, c.kind]).sort()).toEqual([
      ['acme.example', 'org'],
      ['petro@gmail.com', 'person'],
    ]);
    const acme = clients.find((c) => c.key === 'acme.example');
    expect(acme?.addresses).toEqual(['anna@acme.example', 'bob@acme.example']);
    expect(acme?.metrics.waiting.onUs).toMatchObject({ since: now - 3 * DAY - 2 * HOUR, threadId: 'tb', threads: 1 });
    expect(acme?.metrics.latency.ours).toMatchObject({ count: 1, medianMs: 3 * HOUR });
    expect(acme?.threads.map((t) => [t.threadId, t.turn])).toEqual([
      ['tb', 'us'],
      ['ta', 'them'],
    ]);
    // Our last message in ta is unanswered, but the client has written since (in tb): not "waiting on them".
    expect(acme?.metrics.waiting.onThem).toBeUndefined();
    // A client who wrote two days ago: no silence to speak of; two days of contact and little mail raise
    // the chance, and the complaint and the wait are reasons to act that do not.
    expect(acme?.risk.reasons.map((r) => [r.kind, r.urgent ?? false])).toEqual([
      ['few_contacts', false],
      ['declining', false],
      ['complaint', true],
      ['waiting_on_us', true],
    ]);
    expect(acme?.risk.reasons.find((r) => r.kind === 'waiting_on_us')?.text).toMatch(
      /^waiting 3 d 2 h for your reply \(\d+ h of working time\) — you usually answer this client in 3 h$/,
    );
    expect(acme?.followUps.map((f) => f.key)).toEqual(['acknowledge:acme.example:tb']);

    const petro = clients.find((c) => c.key === 'petro@gmail.com');
    expect(petro?.displayName).toBe('petro@gmail.com');
    expect(petro?.metrics.waiting.onThem).toMatchObject({ since: now - 20 * DAY, threadId: 'tp' });
    expect(petro?.threads[0]?.turn).toBe('them');
    expect(petro?.followUps.map((f) => f.kind)).toContain('nudge');
  });

  it('gives the same answer for shuffled input with duplicates', () => {
    const messages = conversation();
    const shuffled = [...messages].reverse().concat(messages.slice(0, 3));
    const a = analyzeAccount({ messages, identity, settings, now });
    const b = analyzeAccount({ messages: shuffled, identity, settings, now });
    expect(b).toEqual(a);
  });

  it('handles empty, single-message and all-internal mailboxes', () => {
    expect(analyzeAccount({ messages: [], identity, now })).toMatchObject({
      clients: [],
      model: undefined,
      issues: [],
    });
    const one = analyzeAccount({ messages: [mail({ from: 'x@client.example', at: now - HOUR })], identity, now });
    expect(one.clients).toHaveLength(1);
    expect(one.clients[0]?.metrics.bgnbd).toEqual({ x: 0, tx: 0, T: 0 });
    expect(one.clients[0]?.metrics.onboarding.active).toBe(true);
    const internal = analyzeAccount({
      messages: [
        mail({ from: ME, to: ['ivan@studio.example'], at: now }),
        mail({ from: 'ivan@studio.example', at: now }),
      ],
      identity,
      now,
    });
    expect(internal.clients).toEqual([]);
  });

  it('reports unusable messages as issues and keeps the rest', () => {
    const good = mail({ id: 'ok', from: 'x@client.example', at: now - HOUR });
    const bad = [
      { ...good, id: '' },
      { ...good, id: 'nan', at: Number.NaN },
      { ...good, id: 'future', at: now + 10 * DAY },
      { ...good, id: 'nofrom', from: { email: 'nobody' } },
      { ...good, id: 'norecipients', to: undefined as unknown as [] },
    ];
    const result = analyzeAccount({ messages: [...bad, good], identity, now });
    expect(result.clients).toHaveLength(1);
    expect(result.issues.map((i) => i.messageId)).toEqual([undefined, 'nan', 'future', 'nofrom', 'norecipients']);
    expect(result.issues[2]?.problem).toMatch(/after now/);
    // A few hours of sender clock skew is taken as "now".
    const skewed = analyzeAccount({ messages: [{ ...good, at: now + 2 * HOUR }], identity, now });
    expect(skewed.clients[0]?.metrics.lastInboundAt).toBe(now);
  });

  it('applies overrides: rename, merge, ignore, tier', () => {
    const { clients } = analyzeAccount({
      messages: conversation(),
      identity,
      settings,
      now,
      overrides: {
        clients: {
          'petro@gmail.com': { mergeInto: 'acme.example' },
          'acme.example': { name: 'ACME', tier: 'key' },
        },
      },
    });
    expect(clients).toHaveLength(1);
    expect(clients[0]).toMatchObject({ key: 'acme.example', displayName: 'ACME', tier: 'key' });
    expect(clients[0]?.addresses).toContain('petro@gmail.com');
    expect(clients[0]?.risk.valueFactor).toBe(1.3);
    const ignored = analyzeAccount({
      messages: conversation(),
      identity,
      now,
      overrides: { clients: { 'acme.example': { ignore: true } } },
    });
    expect(ignored.clients.map((c) => c.key)).toEqual(['petro@gmail.com']);
  });

  it('refuses bad settings with a clear error', () => {
    expect(() => analyzeAccount({ messages: [], identity, settings: { timeZone: 'Nowhere/City' }, now })).toThrow(
      SettingsError,
    );
  });

  it('fits the population model on a larger mailbox and reuses it for one client', () => {
    const messages = syntheticMailbox(60, 3000, now, 3);
    const account = analyzeAccount({ messages, identity, settings, now });
    expect(account.model).toBeDefined();
    expect(account.clients.length).toBeGreaterThan(40);
    expect(account.clients.every((c) => c.metrics.bgnbd?.pAlive !== undefined)).toBe(true);
    const scores = account.clients.map((c) => c.risk.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const target = account.clients[0];
    const single = analyzeClient({
      clientKey: target?.key ?? '',
      messages,
      identity,
      settings,
      now,
      population: account.population,
    });
    expect(single).toEqual(target);
    expect(
      analyzeClient({ clientKey: 'nobody.example', messages, identity, now, population: account.population }),
    ).toBeUndefined();
  });

  it('carries stored follow-up decisions into the reports', () => {
    const states = [
      {
        key: 'acknowledge:acme.example:tb',
        status: 'snoozed' as const,
        updatedAt: now - HOUR,
        snoozedUntil: now + DAY,
      },
    ];
    const { clients } = analyzeAccount({ messages: conversation(), identity, settings, now, followUpStates: states });
    const acme = clients.find((c) => c.key === 'acme.example');
    expect(acme?.followUps[0]).toMatchObject({ status: 'snoozed', snoozedUntil: now + DAY });
  });
});
