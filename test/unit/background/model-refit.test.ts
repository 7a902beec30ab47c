import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { engineContext } from '@/lib/background/engine-context';
import { recomputeAccount } from '@/lib/background/recompute';
import { startBackground } from '@/lib/background/start';
import type { StoredMessage } from '@/lib/data/stored-rows';
import { accountIdentity, clientRefsFor } from '@/lib/engine/account-identity';
import { storedChoice } from '@/lib/engine/risk-model/account-model';
import { SHIPPED_MODEL } from '@/lib/engine/risk-model/risk-score';
import type { MailMessage } from '@/lib/engine/types';
import { AFTER_IMPORT_ALARM, modelRefitFeature, REFIT_ALARM } from '@/lib/features/model-refit/background';
import { refitAccount } from '@/lib/features/model-refit/background/refit-account';
import { DB_NAME, type KeepwarmDb, openKeepwarmDb } from '@/lib/store/db';
import { ME as BUILDER_ME, syntheticMailbox } from '../engine/mail-builders';
import { DAY, ME, NOW } from './exchange';

// The refit of an account's chance on its own past, as the background runs it:
// from the stored messages, after an import and weekly, keeping the previous
// model whenever it fails or runs too long.

let db: KeepwarmDb;

beforeEach(async () => {
  fakeBrowser.reset();
  await Dexie.delete(DB_NAME);
  db = openKeepwarmDb();
});
afterEach(() => db.close());

async function store(account: string, messages: readonly MailMessage[]): Promise<void> {
  const refsOf = clientRefsFor(account, accountIdentity(account));
  await db.accounts.put({ address: account, firstSeenAt: 0, lastSeenAt: NOW });
  await db.messages.bulkPut(
    messages.map(
      (m): StoredMessage => ({ ...m, account, source: 'import', senderKnown: true, clientRefs: refsOf(m).sort() }),
    ),
  );
  await recomputeAccount(db, account, NOW);
}

const adopted = storedChoice(
  {
    adopt: true,
    model: {
      intercept: 0.25,
      columns: SHIPPED_MODEL.terms.map((t) => ({ mean: t.mean, scale: t.scale, weight: -t.weight })),
    },
    evidence: {
      fitSamples: 300,
      checkSamples: 150,
      checkCuts: 4,
      shippedLogLoss: 0.6,
      accountLogLoss: 0.5,
      gainStandardError: 0.01,
    },
  },
  NOW - DAY,
);

const two: MailMessage[] = [
  {
    id: 'a',
    threadId: 't',
    at: NOW - 400 * DAY,
    from: { email: 'ann@acme.example' },
    to: [{ email: ME }],
    cc: [],
    subject: 'Hi',
    snippet: '',
  },
  {
    id: 'b',
    threadId: 't',
    at: NOW - 399 * DAY,
    from: { email: ME },
    to: [{ email: 'ann@acme.example' }],
    cc: [],
    subject: 'Re: Hi',
    snippet: '',
  },
];

describe('the refit of one account', () => {
  it('reads a two-year account from the store and decides on its own samples', async () => {
    await store(BUILDER_ME, syntheticMailbox(40, 3000, NOW));
    const { record } = await refitAccount(db, BUILDER_ME, NOW);
    expect(record.lastFailure).toBeUndefined();
    expect(record.shippedCommit).toBe(SHIPPED_MODEL.fitted.commit);
    const evidence = record.choice.source === 'account' ? record.choice.evidence : record.choice.evidence;
    expect(evidence?.checkSamples).toBeGreaterThan(0);
    expect((await db.accounts.get(BUILDER_ME))?.riskModel).toEqual(record);
  });

  it('keeps the shipped model for an account of two messages and one client, and says why', async () => {
    await store(ME, two);
    const outcome = await refitAccount(db, ME, NOW);
    expect(outcome).toEqual({
      record: expect.objectContaining({ choice: { source: 'shipped', reason: 'few-samples' } }),
      changed: false,
    });
    expect((await engineContext(db, ME)).riskModel).toBe(SHIPPED_MODEL);
  });

  it('keeps the previous model when the refit runs too long or fails', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await store(ME, two);
    await db.accounts.update(ME, { riskModel: adopted });
    let at = 0;
    const slowClock = () => (at += 40_000);
    const late = await refitAccount(db, ME, NOW, slowClock);
    expect(late.changed).toBe(false);
    expect(late.record).toEqual({ ...adopted, lastFailure: { at: NOW, kind: 'timed-out' } });
    const broken = await refitAccount(
      db,
      ME,
      NOW,
      () => (at += 60),
      () => Promise.reject(new Error('the worker went away')),
    );
    expect(broken.record).toEqual({ ...adopted, lastFailure: { at: NOW, kind: 'failed' } });
    // The reports go on scoring with the account's own model.
    expect((await engineContext(db, ME)).riskModel.intercept).toBe(0.25);
    const [client] = await recomputeAccount(db, ME, NOW);
    expect(client?.report.risk.model).toMatchObject({ account: true });
  });
});

describe('when the background refits', () => {
  const stub = (changed: boolean) => vi.fn<typeof refitAccount>(async () => ({ record: adopted, changed }));
  const feature = (refit = stub(true)) => {
    const recompute = vi.fn(async () => undefined);
    return {
      refit,
      recompute,
      it: modelRefitFeature({ db, alarms: fakeBrowser.alarms, recompute, now: () => NOW, refit }),
    };
  };

  it('makes the weekly alarm once, and a refit a minute after an import ends', async () => {
    const { it: refits } = feature();
    await refits.start();
    const weekly = await fakeBrowser.alarms.get(REFIT_ALARM);
    expect(weekly).toMatchObject({ periodInMinutes: 7 * 24 * 60 });
    await refits.start();
    expect(await fakeBrowser.alarms.get(REFIT_ALARM)).toEqual(weekly);
    refits.afterImport(ME);
    await expect.poll(() => fakeBrowser.alarms.get(`${AFTER_IMPORT_ALARM}${ME}`)).toBeDefined();
  });

  it('refits the imported account when its alarm goes off, and recomputes it when its model changed', async () => {
    const { it: refits, refit, recompute } = feature();
    expect(await refits.onAlarm('keepwarm-refresh')).toBe(false);
    expect(await refits.onAlarm(`${AFTER_IMPORT_ALARM}${ME}`)).toBe(true);
    expect(refit).toHaveBeenCalledWith(db, ME, NOW);
    expect(recompute).toHaveBeenCalledWith(ME);
  });

  it('weekly, refits only the accounts with a year of mail and no fresh choice', async () => {
    await store(ME, two);
    await store('young@studio.example', [
      { ...two[0], id: 'y', at: NOW - 30 * DAY } as MailMessage,
      { ...two[1], id: 'z', at: NOW - 29 * DAY } as MailMessage,
    ]);
    await store('fresh@studio.example', two);
    await db.accounts.update('fresh@studio.example', { riskModel: adopted });
    const { it: refits, refit } = feature(stub(false));
    await refits.onAlarm(REFIT_ALARM);
    expect(refit.mock.calls.map(([, account]) => account)).toEqual([ME]);
  });

  it('is asked for by the end of an import through the background’s messages', async () => {
    startBackground();
    const fromOptions = { url: fakeBrowser.runtime.getURL('/options.html') };
    await fakeBrowser.runtime.onMessage.trigger({ type: 'ui/import-ended', account: ME }, fromOptions);
    await expect.poll(() => fakeBrowser.alarms.get(`${AFTER_IMPORT_ALARM}${ME}`)).toBeDefined();
    await expect.poll(() => fakeBrowser.alarms.get(REFIT_ALARM)).toBeDefined();
  });
});
