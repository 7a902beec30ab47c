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
  });
});
