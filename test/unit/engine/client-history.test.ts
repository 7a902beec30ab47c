import { describe, expect, it } from 'vitest';
import { accountIdentity } from '@/lib/engine/account-identity';
import { analyzeAccount } from '@/lib/engine/analyze';
import { clientHistories, historyWalk } from '@/lib/engine/client-history';
import { buildDashboard } from '@/lib/engine/dashboard';
import type { ClientOverrides } from '@/lib/engine/overrides';
import { generateMailbox } from '../../demo/mailbox/generate';
import { mailMessagesOf } from '../../demo/mailbox/mail-messages';
import { DAY, HOUR, identity, ME, mail, syntheticMailbox } from './mail-builders';

// A client's history is what its report is built from: the same client, the
// same messages from them, the same replies with the same times.

const NOW = Date.UTC(2026, 10, 20, 12);

describe('client histories', () => {
  it('hold the same clients, messages from them and replies as their reports on the demo mailbox', () => {
    const account = generateMailbox({ seed: 7, now: NOW }).accounts[0];
    if (!account) throw new Error('demo has no account');
    const input = { messages: mailMessagesOf(account), identity: accountIdentity(account.address), now: NOW };
    const reports = analyzeAccount(input).clients;
    const histories = clientHistories(input);
    expect(histories.map((h) => h.key)).toEqual(reports.map((r) => r.key).sort());
    for (const report of reports) {
      const history = histories.find((h) => h.key === report.key);
      const m = report.metrics;
      expect(history?.theirContactAt.at(-1), report.key).toBe(m.lastInboundAt);
      expect(history?.replies.filter((r) => r.by === 'out').length, report.key).toBe(m.latency.ours.count);
      expect(history?.replies.filter((r) => r.by === 'in').length, report.key).toBe(m.latency.theirs.count);
      const dashboard = buildDashboard({
        clients: history ? [{ ...history, name: report.key }] : [],
        now: NOW,
        timeZone: 'UTC',
        months: 120,
      });
      // One client alone: its replies over all months are the report's.
      const all = dashboard.months.reduce((sum, month) => sum + month.ourReplies, 0);
      expect(all, report.key).toBe(m.latency.ours.count);
    }
  });

  it('counts a reply from the first unanswered message, like the report', () => {
    const t0 = NOW - 10 * DAY;
    const messages = [
      mail({ from: 'ann@acme.example', at: t0, threadId: 'a' }),
      mail({ from: 'ann@acme.example', at: t0 + HOUR, threadId: 'a' }),
      mail({ from: ME, to: ['ann@acme.example'], at: t0 + 5 * HOUR, threadId: 'a' }),
      mail({ from: 'ann@acme.example', at: t0 + 29 * HOUR, threadId: 'a' }),
    ];
    const [history] = clientHistories({ messages, identity, now: NOW });
    expect(history).toEqual({
      key: 'acme.example',
      theirContactAt: [t0, t0 + HOUR, t0 + 29 * HOUR],
      replies: [
        { by: 'out', at: t0 + 5 * HOUR, wallMs: 5 * HOUR },
        { by: 'in', at: t0 + 29 * HOUR, wallMs: 24 * HOUR },
      ],
    });
  });

  it('adds the CRM’s activities to the client’s contact and keeps a watched client without mail', () => {
    const histories = clientHistories({
      messages: [mail({ from: 'ann@acme.example', at: NOW - 5 * DAY })],
      identity,
      now: NOW,
      contactEvents: [{ clientKey: 'acme.example', at: NOW - DAY }],
      watchedClients: ['new.example'],
    });
    expect(histories).toEqual([
      { key: 'acme.example', theirContactAt: [NOW - 5 * DAY, NOW - DAY], replies: [] },
      { key: 'new.example', theirContactAt: [], replies: [] },
    ]);
  });

  it('walked a client at a time, gives what all messages at once give, merges and splits included', () => {
    const messages = syntheticMailbox(20, 800, NOW, 3);
    const overrides: ClientOverrides = {
      clients: { 'client1.example': { mergeInto: 'client2.example' }, 'client4.example': { ignore: true } },
      splitAddresses: ['contact0@client3.example'],
    };
    const whole = clientHistories({ messages, identity, overrides, now: NOW });
    const walk = historyWalk({ identity, overrides, now: NOW });
    const walked = whole.map((h) => walk.historyOf(h.key, messages));
    expect(whole.map((h) => h.key)).toContain('client2.example');
    expect(whole.map((h) => h.key)).toContain('contact0@client3.example');
    expect(walk.historyOf('client1.example', messages)).toBeUndefined();
    expect(walk.historyOf('client4.example', messages)).toBeUndefined();
    expect(walked).toEqual(whole);
  });
});
