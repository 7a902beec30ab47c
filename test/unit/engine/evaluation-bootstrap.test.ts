import { describe, expect, it } from 'vitest';
import { type BootstrapSample, mailboxBootstrap } from '@/lib/engine/risk-model/evaluation-bootstrap';

/** Mailboxes of two cuts of ten clients each; the baseline is the client's index, the outcome every other client. */
function scoredMailboxes(
  count: number,
  risk: (s: Omit<BootstrapSample, 'risk'>, m: number) => number,
): BootstrapSample[] {
  return Array.from({ length: count }, (_, m) =>
    [0, 1].flatMap((cut) =>
      Array.from({ length: 10 }, (_, i) => {
        const s = { mailbox: `m${m}`, cut, baseline: i, positive: (i + cut) % (2 + (m % 2)) !== 0 };
        return { ...s, risk: risk(s, m) };
      }),
    ),
  ).flat();
}

describe('the mailbox bootstrap of risk minus recency', () => {
  it('finds no difference between a score and itself', () => {
    const result = mailboxBootstrap(scoredMailboxes(5, (s) => s.baseline));
    expect(result.pooled).toEqual({ low: 0, median: 0, high: 0 });
    expect(result.withinCut).toEqual({ low: 0, median: 0, high: 0 });
  });

  it('sees a score that knows every outcome beat the baseline on every draw', () => {
    const result = mailboxBootstrap(scoredMailboxes(6, (s) => (s.positive ? 1 : 0)));
    expect(result.pooled.low).toBeGreaterThan(0);
    expect(result.withinCut.low).toBeGreaterThan(0);
  });

  it('counts knowing which mailboxes go quiet more only in the pooled difference', () => {
    // The baseline's order within each mailbox, the quieter (odd) mailboxes ranked above the others.
    const result = mailboxBootstrap(scoredMailboxes(6, (s, m) => s.baseline + 100 * (m % 2)));
    expect(result.withinCut).toEqual({ low: 0, median: 0, high: 0 });
    expect(result.pooled.median).toBeGreaterThan(0);
  });

  it('gives the same interval every time, and none without samples', () => {
    const scored = scoredMailboxes(4, (s, m) => s.baseline * ((m % 2) * 2 - 1));
    expect(mailboxBootstrap(scored)).toEqual(mailboxBootstrap(scored));
    expect(mailboxBootstrap([]).pooled.median).toBeNaN();
  });
});
