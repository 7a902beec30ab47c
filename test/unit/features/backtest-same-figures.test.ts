import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { Handlers } from '@/lib/background/router';
import { createRouter } from '@/lib/background/router';
import { storeImportBatch } from '@/lib/background/store-import-batch';
import { main } from '@/lib/cli/main';
import { accountIdentity } from '@/lib/engine/account-identity';
import { backtestFeature, runAccountBacktest } from '@/lib/features/backtest/background';
import { backtestReplySchema } from '@/lib/features/backtest/messages';
import { importMailbox } from '@/lib/mail-import/mailbox-batches';
import { mailboxSourcesAt } from '@/lib/mail-import/node-files';
import type { KeepwarmDb } from '@/lib/store/db';
import { captureConsole } from '../cli/capture';
import { freshDbPerTest } from '../store/fresh-db';
import { backtestMailbox, backtestMbox, ME } from './backtest-mailbox';

// The options page's backtest runs in the background on the account's stored
// mail; `keepwarm backtest` on the export it was imported from. Both must say
// the same figures.
const ENRON = path.resolve(import.meta.dirname, '../../../../shared/data/email/enron-more/tycholiz-b');
const ENRON_OWNER = 'barry.tycholiz@enron.com';
const NOW = Date.UTC(2026, 11, 1);

const dir = mkdtempSync(path.join(tmpdir(), 'keepwarm-backtest-'));
const synthetic = path.join(dir, 'studio.mbox');
writeFileSync(synthetic, backtestMbox(backtestMailbox()));

let db: KeepwarmDb;
freshDbPerTest('backtest', (fresh) => {
  db = fresh;
});
afterEach(() => vi.restoreAllMocks());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cliFigures(mailbox: string, me: string): Promise<unknown> {
  const { out } = captureConsole();
  expect(await main(['backtest', mailbox, '--me', me, '--json'])).toBe(0);
  vi.restoreAllMocks();
  return JSON.parse(out.join('\n'));
}

/** Imports the export as the options page does: the same reader, each batch stored by the background. */
async function importInto(mailbox: string, me: string): Promise<void> {
  for await (const batch of importMailbox(await mailboxSourcesAt(mailbox))) {
    await storeImportBatch(db, { account: me, ...batch }, NOW, accountIdentity(me));
  }
}

const noPause = async () => {};

describe('the backtest in the browser and on the command line', () => {
  it('gives the same figures on the same mail', async () => {
    await importInto(synthetic, ME);
    const inBrowser = await runAccountBacktest(db, ME, noPause);
    expect(inBrowser).toEqual(await cliFigures(synthetic, ME));
    expect(inBrowser).toMatchObject({ wentQuiet: 1, flaggedInTime: 1, falseAlarms: 1 });
  });

  it('answers the options page through the router with figures its reply schema accepts, and refuses a bad account', async () => {
    await importInto(synthetic, ME);
    const origin = 'chrome-extension://keepwarm/';
    const router = createRouter(backtestFeature({ db }).handlers as unknown as Handlers, origin);
    const reply = await router.route({ type: 'ui/run-backtest', account: ME }, { url: `${origin}options.html` });
    expect(backtestReplySchema.parse(reply)).toMatchObject({ wentQuiet: 1 });
    expect(
      await router.route({ type: 'ui/run-backtest', account: 'not an address' }, { url: `${origin}options.html` }),
    ).toHaveProperty('refused');
    // Only Keepwarm's own pages may ask.
    expect(
      await router.route({ type: 'ui/run-backtest', account: ME }, { url: 'https://mail.google.com/', tab: { id: 1 } }),
    ).toHaveProperty('refused');
  });

  it('says there is too little history for an account with two messages', async () => {
    const two = path.join(dir, 'two.mbox');
    writeFileSync(two, backtestMbox(backtestMailbox().slice(0, 2)));
    await importInto(two, ME);
    expect(await runAccountBacktest(db, ME, noPause)).toMatchObject({ cuts: 0, note: 'too-little-history' });
    expect(await runAccountBacktest(db, 'nobody@studio.example', noPause)).toMatchObject({
      note: 'too-little-history',
    });
  });

  it.skipIf(!existsSync(ENRON))(
    'gives the same figures on a real Enron mailbox',
    async () => {
      await importInto(ENRON, ENRON_OWNER);
      const inBrowser = await runAccountBacktest(db, ENRON_OWNER, noPause);
      expect(inBrowser).toEqual(await cliFigures(ENRON, ENRON_OWNER));
      expect(inBrowser.wentQuiet).toBeGreaterThan(0);
      expect(inBrowser.note).toBeUndefined();
    },
    120_000,
  );
});
