import { describe, expect, it } from 'vitest';
import { analyzeAccount } from '@/lib/engine/analyze';
import type { MailMessage } from '@/lib/engine/types';
import { summariesOf } from '@/lib/features/team/handlers';
import { checkSummaries } from '@/lib/team/documents';
import { clientSummarySchema, summarizeClient } from '@/lib/team/summary';
import { DAY, HOUR, identity, ME, mail } from '../engine/mail-builders';

const now = Date.parse('2026-11-16T12:00:00Z');

// Every text a report may carry is marked, so a leak of any of it shows in the JSON.
const SECRET = 'SECRETTEXT';
const COLLEAGUE = 'ivan@studio.example';
const BYSTANDER = 'lawyer@outside-firm.example';

function mailbox(): MailMessage[] {
  const out: MailMessage[] = [];
  for (let i = 0; i < 12; i++) {
    const at = now - (200 - i * 15) * DAY;
    out.push(
      mail({
        id: `a${i}`,
        threadId: `t${i}`,
        from: 'anna@acme.example',
        cc: [BYSTANDER, COLLEAGUE],
        at,
        subject: `${SECRET} subject ${i}`,
        snippet: `${SECRET} snippet: we are not happy, thinking of cancelling and moving to a cheaper agency`,
      }),
      mail({
        id: `b${i}`,
        threadId: `t${i}`,
        from: ME,
        to: ['anna@acme.example'],
        cc: [BYSTANDER],
        at: at + 5 * HOUR,
        subject: `Re: ${SECRET} subject ${i}`,
        snippet: `${SECRET} our answer`,
      }),
    );
  }
  out.push(
    mail({
      id: 'late',
      threadId: 'tl',
      from: 'bob@acme.example',
      at: now - 3 * DAY,
      subject: `${SECRET} complaint`,
      snippet: `${SECRET} this is unacceptable, we want to cancel the contract, your price is too high`,
    }),
  );
  return out;
}

describe('summarizeClient', () => {
  const { clients } = analyzeAccount({ messages: mailbox(), identity, settings: { timeZone: 'UTC' }, now });
  const report = clients.find((c) => c.key === 'acme.example');
  if (!report) throw new Error('acme.example was not reported');

  it('keeps the contact times, the turn, the rhythm and the risk as kinds and numbers', () => {
    const summary = summarizeClient(report, now);
    expect(clientSummarySchema.parse(summary)).toEqual(summary);
    expect(summary.clientKey).toBe('acme.example');
    expect(summary.lastInboundAt).toBe(now - 3 * DAY);
    expect(summary.lastFrom).toBe('client');
    expect(summary.waitingOnMemberSince).toBe(now - 3 * DAY);
    expect(summary.replyTimes.member.count).toBeGreaterThan(0);
    expect(summary.risk.chance).toBe(report.risk.score);
    expect(summary.risk.reasons.map((r) => r.kind)).toEqual(report.risk.reasons.map((r) => r.kind));
    expect(summary.followUps.length).toBeGreaterThan(0);
  });

  it('never carries a subject, snippet, cue phrase, reason text, id or another address', () => {
    // The report itself holds all of them: the test would prove nothing otherwise.
    const whole = JSON.stringify(report);
    expect(whole).toContain(SECRET);
    expect(report.risk.reasons.some((r) => r.phrase !== undefined)).toBe(true);
    const shared = JSON.stringify(summarizeClient(report, now));
    expect(shared).not.toContain(SECRET);
    // A cue phrase may be a word that names a reason kind ("complaint"): look for it outside the kinds.
    const withoutKinds = shared.replace(/"kind":"[a-z_]+"/g, '');
    for (const reason of report.risk.reasons) {
      if (reason.phrase) expect(withoutKinds).not.toContain(reason.phrase);
      expect(shared).not.toContain(reason.text);
    }
    for (const followUp of report.followUps) expect(shared).not.toContain(followUp.reason);
    for (const address of [ME, COLLEAGUE, BYSTANDER, 'anna@acme.example', 'bob@acme.example']) {
      expect(shared).not.toContain(address);
    }
    expect(shared).not.toMatch(/"(threadId|messageId|subject|snippet|addresses|phrase|text)"/);
  });
});

describe('checkSummaries', () => {
  it('keeps valid summaries without unknown fields, and counts and drops the rest', () => {
    const { clients } = analyzeAccount({ messages: mailbox(), identity, settings: { timeZone: 'UTC' }, now });
    const good = summarizeClient(clients[0] as (typeof clients)[number], now);
    const checked = checkSummaries([
      [good.clientKey, good],
      ['other.example', good],
      ['x.example', { ...good, clientKey: 'x.example', subject: 'a subject smuggled in' }],
      ['y.example', { ...good, clientKey: 'y.example', risk: { ...good.risk, chance: 400 } }],
      ['z.example', '<script>alert(1)</script>'],
    ]);
    // A field this release does not know is dropped, not the summary: x.example stays, without it.
    expect([...checked.valid.keys()]).toEqual([good.clientKey, 'x.example']);
    expect(JSON.stringify(checked.valid.get('x.example'))).not.toContain('smuggled');
    expect(checked.invalid).toBe(3);
  });

  it('carries the client’s history from every account as days, and no text with it', () => {
    const inbound = mailbox().filter((m) => m.from.email !== ME);
    const one = { key: 'acme.example', theirContactAt: inbound.slice(0, 6).map((m) => m.at), replies: [] };
    const other = {
      key: 'acme.example',
      theirContactAt: inbound.slice(6).map((m) => m.at),
      replies: [{ by: 'out' as const, at: now - 3 * DAY + 5 * HOUR, wallMs: 5 * HOUR }],
    };
    const { clients } = analyzeAccount({ messages: mailbox(), identity, settings: { timeZone: 'UTC' }, now });
    const acme = clients.filter((c) => c.key === 'acme.example');
    const [summary] = summariesOf(acme, now, [one, other]);
    const days = [...new Set(inbound.map((m) => Math.floor(m.at / DAY) * DAY))].sort((a, b) => a - b);
    expect(summary?.history?.contactDays).toEqual(days);
    expect(summary?.history?.replies).toEqual([
      { by: 'out', day: Math.floor((now - 3 * DAY) / DAY) * DAY, wallMs: 5 * HOUR },
    ]);
    expect(clientSummarySchema.safeParse(summary).success).toBe(true);
    expect(JSON.stringify(summary)).not.toContain(SECRET);
  });
});
