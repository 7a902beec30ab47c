import { describe, expect, it } from 'vitest';
import { setClientOverride, setSplitAddress } from '@/lib/background/client-overrides';
import { engineContext, toClientOverrides } from '@/lib/background/engine-context';
import { type PageContext, storeConversation } from '@/lib/background/gmail-observations';
import { recomputeAccount, recomputeClients } from '@/lib/background/recompute';
import { reindexClientRefs } from '@/lib/background/reindex';
import { readUserSettings, saveUserSettings } from '@/lib/background/settings-store';
import { accountIdentity } from '@/lib/engine/account-identity';
import { defaultUserSettings, UserSettingsError } from '@/lib/settings/user-settings';
import type { KeepwarmDb } from '@/lib/store/db';
import { clearPending, markedRefs, markPending, pendingOf } from '@/lib/store/pending-recompute';
import { freshDbPerTest } from '../store/fresh-db';
import { exchange, ME, NOW } from './exchange';

const page: PageContext = {
  account: ME,
  identity: accountIdentity(ME),
  accountPath: 'u/0',
  health: { seen: 1, parsed: 1, failures: {}, missing: [], healthy: true },
  parseTitle: () => undefined,
  now: NOW,
};

async function clientKeys(db: KeepwarmDb): Promise<string[]> {
  return (await db.clients.toArray()).map((c) => c.key).sort();
}

let db: KeepwarmDb;
freshDbPerTest('overrides', (fresh) => {
  db = fresh;
});

describe('user settings', () => {
  it('reads the defaults until the user saves, then what they saved', async () => {
    expect(await readUserSettings(db)).toEqual(defaultUserSettings());
    const saved = await saveUserSettings(db, { language: 'uk', replyTargetHours: 4 }, NOW);
    expect(saved.notifications.dailyDigest).toBe(false);
    expect(await readUserSettings(db)).toEqual(saved);
  });

  it('refuses an invalid record, naming the field, and keeps the stored one', async () => {
    await saveUserSettings(db, { language: 'ru' }, NOW);
    await expect(
      saveUserSettings(
        db,
        { businessHours: { timeZone: 'Mars/Olympus', workingDays: [1], startHour: 9, endHour: 17 } },
        NOW,
      ),
    ).rejects.toThrow(UserSettingsError);
    await expect(saveUserSettings(db, { ignoredDomains: ['@acme.com'] }, NOW)).rejects.toThrow(/ignoredDomains\.0/);
    expect((await readUserSettings(db)).language).toBe('ru');
  });

  it('gives a record saved by an older version today’s defaults for what it lacks', async () => {
    await db.settings.put({ id: 'user', settings: { language: 'uk' } as never, updatedAt: 1 });
    const settings = await readUserSettings(db);
    expect(settings.language).toBe('uk');
    expect(settings.notifications).toEqual({ dailyDigest: false, digestHour: 9 });
  });
});

describe('client overrides', () => {
  it('sets, clears and forgets a correction; refuses bad ones and writes nothing', async () => {
    await setClientOverride(db, ME, 'acme.com', { name: 'ACME Ltd', tier: 'key' }, NOW);
    expect(await db.clientOverrides.get([ME, 'acme.com'])).toMatchObject({ name: 'ACME Ltd', tier: 'key' });
    await setClientOverride(db, ME, 'acme.com', { name: null }, NOW);
    expect(await db.clientOverrides.get([ME, 'acme.com'])).not.toHaveProperty('name');
    await setClientOverride(db, ME, 'acme.com', { tier: null }, NOW);
    expect(await db.clientOverrides.count()).toBe(0);
    await expect(setClientOverride(db, ME, 'acme.com', { mergeInto: 'acme.com' }, NOW)).rejects.toThrow(/itself/);
    await expect(setClientOverride(db, ME, 'acme.com', { value: -5 }, NOW)).rejects.toThrow(/value/);
    expect(await db.clientOverrides.count()).toBe(0);
  });

  it('folds the settings’ ignore lists in: a domain is ignored whole, a sender alone', () => {
    const settings = { ...defaultUserSettings(), ignoredDomains: ['supplier.com'], ignoredSenders: ['ceo@acme.com'] };
    const rows = [{ account: ME, key: 'acme.com', name: 'ACME', updatedAt: 1 }];
    expect(toClientOverrides(rows, settings)).toEqual({
      clients: { 'acme.com': { name: 'ACME' }, 'supplier.com': { ignore: true }, 'ceo@acme.com': { ignore: true } },
      splitAddresses: ['ceo@acme.com'],
    });
  });

  it('a merge makes one client of two in every recompute, full and incremental', async () => {
    await storeConversation(db, exchange('dana@acme.com', 20, 1), page);
    await storeConversation(db, exchange('bo@acme-group.com', 10, 3), page);
    await recomputeAccount(db, ME, NOW);
    expect(await clientKeys(db)).toEqual(['acme-group.com', 'acme.com']);

    await setClientOverride(db, ME, 'acme-group.com', { mergeInto: 'acme.com' }, NOW);
    await recomputeAccount(db, ME, NOW);
    expect(await clientKeys(db)).toEqual(['acme.com']);
    expect((await db.clients.get([ME, 'acme.com']))?.report.addresses).toEqual(['bo@acme-group.com', 'dana@acme.com']);

    const touched = await storeConversation(db, exchange('bo@acme-group.com', 1, 5), page);
    expect([...touched]).toEqual([`${ME}|acme-group.com`]);
    expect(await recomputeClients(db, ME, touched, NOW)).toBe('incremental');
    // The merged client took the new thread, and no report of the merged-away key came back.
    expect((await db.clients.get([ME, 'acme.com']))?.report.threads).toHaveLength(3);
    expect(await clientKeys(db)).toEqual(['acme.com']);
  });

  it('a split person is a client of their own, also when only their organisation’s ref was touched', async () => {
    await storeConversation(db, exchange('dana@acme.com', 20, 1), page);
    await storeConversation(db, exchange('ceo@acme.com', 10, 3), page);
    await setSplitAddress(db, ME, 'ceo@acme.com', true, NOW);
    await recomputeAccount(db, ME, NOW);
    expect(await clientKeys(db)).toEqual(['acme.com', 'ceo@acme.com']);

    const touched = await storeConversation(db, exchange('ceo@acme.com', 1, 5), page);
    expect(await recomputeClients(db, ME, touched, NOW)).toBe('incremental');
    expect((await db.clients.get([ME, 'ceo@acme.com']))?.report.threads).toHaveLength(2);
    expect((await db.clients.get([ME, 'acme.com']))?.report.threads).toHaveLength(1);

    await setSplitAddress(db, ME, 'ceo@acme.com', false, NOW);
    await recomputeAccount(db, ME, NOW);
    expect(await clientKeys(db)).toEqual(['acme.com']);
  });

  it('ignored senders and domains from the settings are no clients', async () => {
    await storeConversation(db, exchange('dana@acme.com', 20, 1), page);
    await storeConversation(db, exchange('ceo@acme.com', 10, 3), page);
    await storeConversation(db, exchange('sales@supplier.com', 5, 5), page);
    await saveUserSettings(db, { ignoredDomains: ['supplier.com'], ignoredSenders: ['ceo@acme.com'] }, NOW);
    await recomputeAccount(db, ME, NOW);
    expect(await clientKeys(db)).toEqual(['acme.com']);
    expect((await db.clients.get([ME, 'acme.com']))?.report.addresses).toEqual(['dana@acme.com']);
  });
});

describe('who the user is', () => {
  it('an internal domain added in the settings turns a client into colleagues once refs are rebuilt', async () => {
    await storeConversation(db, exchange('dana@acme.com', 20, 1), page);
    await storeConversation(db, exchange('max@partner.agency', 10, 3), page);
    await recomputeAccount(db, ME, NOW);
    expect(await clientKeys(db)).toEqual(['acme.com', 'partner.agency']);

    await saveUserSettings(db, { accounts: { [ME]: { internalDomains: ['partner.agency'] } } }, NOW);
    const { identity } = await engineContext(db, ME);
    expect(identity.internalDomains).toEqual(['brightpath.studio', 'partner.agency']);
    await reindexClientRefs(db, ME, identity);
    expect(await db.messages.where('clientRefs').equals(`${ME}|partner.agency`).count()).toBe(0);
    await recomputeAccount(db, ME, NOW);
    expect(await clientKeys(db)).toEqual(['acme.com']);
  });

  it('mail from an alias is the user’s own', async () => {
    await saveUserSettings(db, { accounts: { [ME]: { aliases: ['olena@old-studio.com'] } } }, NOW);
    const { identity } = await engineContext(db, ME);
    await storeConversation(db, exchange('olena@old-studio.com', 3, 1), { ...page, identity });
    await recomputeAccount(db, ME, NOW);
    expect(await clientKeys(db)).toEqual([]);
  });
});

describe('pending recomputes', () => {
  it('are marked with the history that made them and cleared once recomputed', async () => {
    const touched = await storeConversation(db, exchange('dana@acme.com', 2, 1), page);
    expect([...markedRefs(await pendingOf(db, ME))]).toEqual([`${ME}|acme.com`]);
    await recomputeClients(db, ME, touched, NOW);
    expect(await pendingOf(db)).toEqual([]);
  });

  it('a mark set again while a recompute ran survives it', async () => {
    await storeConversation(db, exchange('dana@acme.com', 2, 1), page);
    const handled = await pendingOf(db, ME);
    await markPending(db, ME, [`${ME}|acme.com`]);
    await clearPending(db, handled);
    expect([...markedRefs(await pendingOf(db))]).toEqual([`${ME}|acme.com`]);
  });

  it('a recompute of some clients clears only theirs, and only from the marks it read', async () => {
    await markPending(db, ME, [`${ME}|acme.com`, `${ME}|globex.io`]);
    const handled = await pendingOf(db, ME);
    await markPending(db, ME, [`${ME}|acme.com`]);
    await clearPending(db, handled, new Set([`${ME}|acme.com`]));
    expect((await pendingOf(db, ME)).map((mark) => mark.refs)).toEqual([[`${ME}|globex.io`], [`${ME}|acme.com`]]);
    await clearPending(db, await pendingOf(db, ME), new Set([`${ME}|acme.com`, `${ME}|globex.io`]));
    expect(await pendingOf(db)).toEqual([]);
  });
});
