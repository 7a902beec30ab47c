import { describe, expect, it } from 'vitest';
import { accountIdentity } from '@/lib/engine/account-identity';
import { analyzeAccount } from '@/lib/engine/analyze';
import { generateMailbox } from '../../demo/mailbox/generate';
import { mailMessagesOf } from '../../demo/mailbox/mail-messages';

// The demo's ground truth through the engine: every client the demo plays as
// going quiet must come out at risk, for the right reason, and above the
// healthy ones; every complaint is a reason to act now.

const NOW = Date.UTC(2026, 10, 20, 12);
const mailbox = generateMailbox({ seed: 7, now: NOW });
const account = mailbox.accounts[0];
if (!account) throw new Error('demo has no account');
const messages = mailMessagesOf(account);
const analysis = analyzeAccount({ messages, identity: accountIdentity(account.address), now: NOW });
const report = (key: string) => analysis.clients.find((c) => c.key === key);
const rank = (key: string) => analysis.clients.findIndex((c) => c.key === key);
const reasons = (key: string) => report(key)?.risk.reasons.map((r) => r.kind) ?? [];

describe('the engine on the demo mailbox', () => {
  it('keeps colleagues, newsletters and notifications out of the clients', () => {
    const keys = analysis.clients.map((c) => c.key);
    expect(keys).not.toContain('brightpath.studio');
    expect(keys.some((k) => /figma|github|googlegroups|stripe|google\.com/.test(k))).toBe(false);
    expect(new Set(keys)).toEqual(new Set(account.clients.map((c) => c.key)));
  });

  it('finds every client waiting on the user', () => {
    for (const key of mailbox.scenarios.waitingOnUs) {
      expect(report(key)?.metrics.waiting.onUs, key).toBeDefined();
      expect(reasons(key), key).toContain('waiting_on_us');
    }
  });

  it('flags every complaint or competitor client with a reason to act now', () => {
    // A client who complains is still writing: the cue is urgent whatever the chance they go quiet.
    for (const key of mailbox.scenarios.complaintCompetitor) {
      const cues = report(key)?.risk.reasons.filter((r) =>
        ['cancellation', 'competitor', 'complaint', 'price'].includes(r.kind),
      );
      expect(cues?.length, key).toBeGreaterThan(0);
      expect(
        cues?.every((r) => r.urgent),
        key,
      ).toBe(true);
    }
  });

  it.each([
    ['stoppedAnswering', ['watch', 'high', 'critical'], ['silence', 'waiting_on_them', 'low_p_alive', 'declining']],
    ['goingQuiet', ['high', 'critical'], ['silence', 'low_p_alive', 'declining']],
  ] as const)('puts the %s clients at risk of going quiet for the right reason', (scenario, levels, expected) => {
    for (const key of mailbox.scenarios[scenario]) {
      expect(levels, key).toContain(report(key)?.risk.level);
      expect(
        reasons(key).some((kind) => (expected as readonly string[]).includes(kind)),
        key,
      ).toBe(true);
    }
  });

  it('ranks every client going quiet above most healthy ones', () => {
    const troubled = [...mailbox.scenarios.stoppedAnswering, ...mailbox.scenarios.goingQuiet];
    const healthy = mailbox.scenarios.healthy;
    const healthyBelow = (key: string) => healthy.filter((h) => rank(h) > rank(key)).length;
    // Healthy clients between two threads carry a little silence risk of their own, so "most", not all.
    for (const key of troubled) expect(healthyBelow(key) / healthy.length, key).toBeGreaterThanOrEqual(0.8);
  });
});
