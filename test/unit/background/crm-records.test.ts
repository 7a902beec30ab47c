import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerCrmRecord } from '@/lib/background/crm-records';
import { storeConversation } from '@/lib/background/gmail-observations';
import { recomputeAccount } from '@/lib/background/recompute';
import { saveUserSettings } from '@/lib/background/settings-store';
import { defaultUserSettings } from '@/lib/settings/user-settings';
import type { CrmExtraction, CrmRecord } from '@/lib/sites/crm/types';
import { type KeepwarmDb, openKeepwarmDb } from '@/lib/store/db';
import { exchange, ME, NOW } from './exchange';
import { gmailPage } from './gmail-page';

// The background's answer to a CRM page: the one known client the record is
// about, with its risk, and nothing when it cannot tell.

const HEALTHY = { seen: 1, parsed: 1, failures: {}, missing: [], healthy: true };

const page = gmailPage(ME, NOW);

const record = (fields: Partial<CrmRecord>): CrmExtraction => ({
  record: { crm: 'hubspot', kind: 'person', name: 'Jane Doe', emails: [], activities: [], ...fields },
  health: HEALTHY,
});

let db: KeepwarmDb;
let name = 0;
beforeEach(async () => {
  name += 1;
  db = openKeepwarmDb(`crm-records-${name}`);
  await db.accounts.put({ address: ME, accountPath: 'u/0', firstSeenAt: NOW, lastSeenAt: NOW });
  await storeConversation(db, exchange('jane@acme.com', 30, 1), page);
  await storeConversation(db, exchange('tom@harbor.co.uk', 20, 3), page);
  await storeConversation(db, exchange('li.wei@gmail.com', 10, 5), page);
  await recomputeAccount(db, ME, NOW);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(`crm-records-${name}`);
});

describe('answering a CRM record', () => {
  it('names the known client with its risk', async () => {
    const stored = await db.clients.get([ME, 'acme.com']);
    const reply = await answerCrmRecord(db, record({ emails: ['jane.doe@acme.com', ME] }));
    expect(reply).toEqual({
      match: 'matched',
      client: {
        account: ME,
        key: 'acme.com',
        name: stored?.report.displayName,
        score: stored?.report.risk.score,
        level: stored?.report.risk.level,
      },
      candidates: ['acme.com'],
    });
  });

  it('finds an organisation by its web domain, a free-mail person by the address', async () => {
    expect(await answerCrmRecord(db, record({ kind: 'company', companyDomain: 'www.harbor.co.uk' }))).toMatchObject({
      match: 'matched',
      client: { key: 'harbor.co.uk' },
    });
    expect(await answerCrmRecord(db, record({ emails: ['li.wei@gmail.com'] }))).toMatchObject({
      client: { key: 'li.wei@gmail.com' },
    });
  });

  it('names nobody when the record points at two known clients', async () => {
    expect(await answerCrmRecord(db, record({ emails: ['jane@acme.com', 'tom@harbor.co.uk'] }))).toEqual({
      match: 'ambiguous',
      candidates: [],
    });
  });

  it('offers an unknown client, and says when there is no address at all', async () => {
    expect(await answerCrmRecord(db, record({ emails: ['new@fresh-bakery.de'] }))).toEqual({
      match: 'unknown',
      candidates: ['fresh-bakery.de'],
    });
    expect(await answerCrmRecord(db, record({ emails: [] }))).toEqual({ match: 'no-address', candidates: [] });
  });

  it('answers nothing for a page read badly', async () => {
    const extraction = record({ emails: ['jane@acme.com'] });
    const missing = { ...HEALTHY, parsed: 0, healthy: false, missing: ['highlight'] };
    expect(await answerCrmRecord(db, { ...extraction, health: missing })).toEqual({
      match: 'unreadable',
      candidates: [],
    });
    expect(await answerCrmRecord(db, { record: null, health: HEALTHY })).toMatchObject({ match: 'unreadable' });
    const cut = { ...HEALTHY, parsed: 0, healthy: false, failures: { emails: 1 } };
    expect(await answerCrmRecord(db, { ...extraction, health: cut })).toMatchObject({ match: 'unreadable' });
  });

  it('still names the client when only an amount or an activity time could not be read', async () => {
    const extraction = record({ emails: ['jane@acme.com'] });
    const odd = { ...HEALTHY, parsed: 0, healthy: false, failures: { amount: 1, activityTime: 2 } };
    expect(await answerCrmRecord(db, { ...extraction, health: odd })).toMatchObject({
      match: 'matched',
      client: { key: 'acme.com' },
    });
  });

  it('leaves out the user’s aliases and internal domains', async () => {
    await saveUserSettings(
      db,
      {
        ...defaultUserSettings(),
        accounts: { [ME]: { aliases: ['olena@old-studio.com'], internalDomains: ['acme.com'] } },
      },
      NOW,
    );
    expect(await answerCrmRecord(db, record({ emails: ['jane@acme.com', 'olena@old-studio.com'] }))).toEqual({
      match: 'no-address',
      candidates: [],
    });
  });
});
