import { beforeEach, describe, expect, it } from 'vitest';
import { setClientOverride, setSplitAddress } from '@/lib/background/client-overrides';
import { forgetLearning, learnFromAnswer, watchClient } from '@/lib/background/crm-learning';
import { answerCrmRecord } from '@/lib/background/crm-records';
import { storeConversation } from '@/lib/background/gmail-observations';
import { recomputeAccount } from '@/lib/background/recompute';
import { readUserSettings, saveUserSettings } from '@/lib/background/settings-store';
import type { CrmExtraction, CrmRecord } from '@/lib/sites/crm/types';
import type { KeepwarmDb } from '@/lib/store/db';
import { watchedClients } from '@/lib/ui/client-detail';
import { freshDbPerTest } from '../store/fresh-db';
import { DAY, exchange, ME, NOW } from './exchange';
import { gmailPage } from './gmail-page';

// What a CRM record of a known client teaches: its other addresses, its
// company domain, its activities as contact and (when allowed) its deal's
// amount as its value. Reversible, idempotent, and silent when unsure.

const HEALTHY = { seen: 1, parsed: 1, failures: {}, missing: [], healthy: true };
const page = gmailPage(ME, NOW);

const extraction = (fields: Partial<CrmRecord>): CrmExtraction => ({
  record: { crm: 'hubspot', kind: 'person', recordId: '51', name: 'Jane Doe', emails: [], activities: [], ...fields },
  health: HEALTHY,
});

let db: KeepwarmDb;
freshDbPerTest('crm-learning', (fresh) => {
  db = fresh;
});
beforeEach(async () => {
  await db.accounts.put({ address: ME, accountPath: 'u/0', firstSeenAt: NOW, lastSeenAt: NOW });
  await storeConversation(db, exchange('jane@acme.com', 120, 1), page);
  await storeConversation(db, exchange('tom@harbor.co.uk', 20, 3), page);
  await recomputeAccount(db, ME, NOW);
});

/** Reads the record as the background does on a CRM page: answer, learn, recompute. */
async function read(fields: Partial<CrmRecord>) {
  const seen = extraction(fields);
  const reply = await answerCrmRecord(db, seen);
  const learnt = await learnFromAnswer(db, seen, reply, NOW);
  await recomputeAccount(db, ME, NOW);
  return { reply, change: learnt?.change };
}

const clientKeys = async () => (await db.clients.toArray()).map((c) => c.key).sort();
const acme = async () => (await db.clients.get([ME, 'acme.com']))?.report;

describe('learning from a CRM record', () => {
  it('counts mail from the other addresses of a person for their client, until the user forgets it', async () => {
    expect((await read({ emails: ['jane@acme.com', 'jane.doe.home@gmail.com'] })).change).toBe('identity');
    await storeConversation(db, exchange('jane.doe.home@gmail.com', 5, 11), page);
    await recomputeAccount(db, ME, NOW);
    expect(await clientKeys()).toEqual(['acme.com', 'harbor.co.uk']);
    expect((await acme())?.addresses).toContain('jane.doe.home@gmail.com');

    await forgetLearning(db, ME, 'acme.com');
    await recomputeAccount(db, ME, NOW);
    expect(await clientKeys()).toEqual(['acme.com', 'harbor.co.uk', 'jane.doe.home@gmail.com']);
  });

  it('knows the client again by a learnt address alone, and a record listing both is no ambiguity', async () => {
    await read({ emails: ['jane@acme.com', 'jane.doe.home@gmail.com'] });
    expect((await read({ emails: ['jane.doe.home@gmail.com'] })).reply).toMatchObject({
      match: 'matched',
      client: { key: 'acme.com' },
    });
    expect((await read({ emails: ['jane@acme.com', 'jane.doe.home@gmail.com'] })).reply).toMatchObject({
      match: 'matched',
      client: { key: 'acme.com' },
    });
  });

  it('knows a client the user merged another into by the other’s addresses', async () => {
    await setClientOverride(db, ME, 'harbor.co.uk', { mergeInto: 'acme.com' }, NOW);
    await recomputeAccount(db, ME, NOW);
    expect((await read({ emails: ['tom@harbor.co.uk'] })).reply).toMatchObject({
      match: 'matched',
      client: { key: 'acme.com' },
    });
  });

  it('takes the company domain for the client', async () => {
    await read({ kind: 'company', emails: ['jane@acme.com'], companyDomain: 'acme-logistics.com' });
    await storeConversation(db, exchange('ops@acme-logistics.com', 3, 13), page);
    await recomputeAccount(db, ME, NOW);
    expect(await clientKeys()).toEqual(['acme.com', 'harbor.co.uk']);
    expect((await acme())?.addresses).toContain('ops@acme-logistics.com');
  });

  it('counts activities as contact, and reading the same page twice changes nothing', async () => {
    const activities = [
      { at: NOW - 10 * DAY, label: 'Call' },
      { at: NOW - 3 * DAY, label: 'Meeting' },
      { at: NOW + 5 * DAY, label: 'Planned call' },
    ];
    const silenceBefore = (await acme())?.risk.reasons.find((r) => r.kind === 'silence');
    expect(silenceBefore?.numbers).toMatchObject({ silenceDays: 119 });
    expect((await read({ emails: ['jane@acme.com'], activities })).change).toBe('history');
    const report = await acme();
    expect(report?.metrics.outsideContact).toEqual({ count: 2, lastAt: NOW - 3 * DAY });
    expect(report?.metrics.latency.ours.count).toBe(1);
    const stored = await db.crmLearned.get([ME, 'acme.com']);
    expect((await read({ emails: ['jane@acme.com'], activities })).change).toBe('none');
    expect(await db.crmLearned.get([ME, 'acme.com'])).toEqual(stored);
  });

  it('makes a deal’s amount the client’s value only when the user allows it, never over a typed one', async () => {
    const deal = { kind: 'deal' as const, emails: ['jane@acme.com'], amount: { value: 48_000, currency: 'EUR' } };
    await read(deal);
    expect((await acme())?.value).toBeUndefined();
    await saveUserSettings(db, { ...(await readUserSettings(db)), crmDealValue: true }, NOW);
    await recomputeAccount(db, ME, NOW);
    expect((await acme())?.value).toBe(48_000);
    await setClientOverride(db, ME, 'acme.com', { value: 5_000 }, NOW);
    await recomputeAccount(db, ME, NOW);
    expect((await acme())?.value).toBe(5_000);
  });

  it('learns no address from a deal or an ordinary page, nor one the user split out', async () => {
    await read({ kind: 'deal', emails: ['jane@acme.com', 'partner@gmail.com'] });
    await read({ kind: 'page', crm: 'generic', emails: ['jane@acme.com', 'other@gmail.com'] });
    expect((await db.crmLearned.get([ME, 'acme.com']))?.addresses ?? []).toEqual([]);

    await setSplitAddress(db, ME, 'jane.private@gmail.com', true, NOW);
    await read({ emails: ['jane@acme.com', 'jane.private@gmail.com'] });
    await storeConversation(db, exchange('jane.private@gmail.com', 4, 21), page);
    await recomputeAccount(db, ME, NOW);
    expect(await clientKeys()).toContain('jane.private@gmail.com');
  });

  it('learns nothing from a record it could not match to one client', async () => {
    await read({ emails: ['jane@acme.com', 'tom@harbor.co.uk'], activities: [{ at: NOW - DAY, label: 'Call' }] });
    await read({ emails: ['new@fresh-bakery.de'], activities: [{ at: NOW - DAY, label: 'Call' }] });
    expect(await db.crmLearned.count()).toBe(0);
  });

  it('watches a client before any mail, and stops when the user says so', async () => {
    await watchClient(db, ME, 'fresh-bakery.de', NOW);
    await recomputeAccount(db, ME, NOW);
    const fresh = await db.clients.get([ME, 'fresh-bakery.de']);
    expect(fresh?.report.metrics).toMatchObject({ inbound: 0, outbound: 0 });
    expect((await watchedClients(db)).map((c) => c.key)).toEqual(['fresh-bakery.de']);
    expect(await answerCrmRecord(db, extraction({ emails: ['new@fresh-bakery.de'] }))).toMatchObject({
      match: 'matched',
      client: { key: 'fresh-bakery.de' },
    });
    await forgetLearning(db, ME, 'fresh-bakery.de');
    await recomputeAccount(db, ME, NOW);
    expect(await clientKeys()).toEqual(['acme.com', 'harbor.co.uk']);
    expect(await watchedClients(db)).toEqual([]);
  });
});

describe('what may be watched', () => {
  it.each([
    ['fresh-bakery.de', true],
    ['li.wei@gmail.com', true],
    ['shop.fresh-bakery.de', false],
    ['jane@fresh-bakery.de', false],
    ['noreply@gmail.com', false],
    ['not a domain', false],
  ])('%s: %s', async (key, allowed) => {
    if (allowed) await expect(watchClient(db, ME, key, NOW)).resolves.toBeUndefined();
    else await expect(watchClient(db, ME, key, NOW)).rejects.toThrow(/not a domain or a personal address/);
    expect(await db.crmLearned.count()).toBe(allowed ? 1 : 0);
  });
});
