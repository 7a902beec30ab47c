import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '@/lib/cli/main';
import { captureConsole } from './capture';

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/mail-import/takeout-sample.mbox');
const ENRON = path.resolve(import.meta.dirname, '../../../../shared/data/email/enron-mbox');

afterEach(() => vi.restoreAllMocks());

describe('keepwarm evaluate', () => {
  it('keeps the shipped model on a mailbox too small to test it, and says so', async () => {
    const { out } = captureConsole();
    expect(await main(['evaluate', FIXTURE, '--me', 'olena@brightpath.studio'])).toBe(0);
    const result = JSON.parse(out.join('\n'));
    expect(result.shippedModel[FIXTURE]).toMatchObject({
      model: { source: 'shipped' },
      samples: 0,
      note: 'no-samples',
    });
    expect(result.crossValidated).toBeUndefined();
    expect(result.horizonGaps).toEqual([]);
  });

  it('asks for one owner per mailbox', async () => {
    const { err } = captureConsole();
    expect(await main(['evaluate', FIXTURE, FIXTURE, '--me', 'olena@brightpath.studio'])).toBe(2);
    expect(err.join('\n')).toContain('--me');
  });

  it.skipIf(!existsSync(ENRON))('cross-validates across two real mailboxes', async () => {
    const { out } = captureConsole();
    const parks = path.join(ENRON, 'parks-j');
    const buy = path.join(ENRON, 'buy-r');
    await main(['evaluate', parks, '--me', 'joe.parks@enron.com', buy, '--me', 'rick.buy@enron.com']);
    const result = JSON.parse(out.join('\n'));
    expect(result.shippedModel[parks].samples).toBeGreaterThan(100);
    expect(Object.keys(result.crossValidated.byMailbox).sort()).toEqual([buy, parks].sort());
    expect(result.crossValidated.pooled.auc.risk).toBeGreaterThan(0.6);
    // Parks's export holds no message at all for weeks in the autumn of 2001: that cut date is
    // listed, and the cross-validation is given again without its samples.
    expect(result.horizonGaps.length).toBeGreaterThan(0);
    for (const gap of result.horizonGaps) expect(gap.days).toBeGreaterThanOrEqual(21);
    const { censored, pooled } = result.crossValidatedHorizonGapsCensored;
    expect(censored.samples).toBeGreaterThan(0);
    expect(pooled.samples + censored.samples).toBe(result.crossValidated.pooled.samples);
  });
});
