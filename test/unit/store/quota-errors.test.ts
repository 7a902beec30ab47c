import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setClientOverride } from '@/lib/background/client-overrides';
import { importBackup } from '@/lib/background/data-admin';
import { recordFollowUpDecision } from '@/lib/background/follow-up-decisions';
import { storeConversation, storeThreadRows } from '@/lib/background/gmail-observations';
import { recomputeAccount } from '@/lib/background/recompute';
import { applyRetention } from '@/lib/background/retention';
import { saveUserSettings } from '@/lib/background/settings-store';
import { startBackground } from '@/lib/background/start';
import { createStorageHealth, PAGE_WRITE_PAUSE_MS, type ProblemStore } from '@/lib/background/storage-health';
import { storeImportBatch } from '@/lib/background/store-import-batch';
import { exportBackup } from '@/lib/data/backup-export';
import { isQuotaError, STORAGE_PROBLEM_KEY, StorageFullError, type StorageProblem } from '@/lib/data/storage-problem';
import { accountIdentity } from '@/lib/engine/account-identity';
import type { ImportedMailMessage } from '@/lib/mail-import/mailbox-batches';
import { hashText } from '@/lib/mail-import/streaming-hash';
import { DB_NAME, type KeepwarmDb, openKeepwarmDb } from '@/lib/store/db';
import { DAY, exchange, ME, messageId, NOW } from '../background/exchange';
import { gmailPage } from '../background/gmail-page';
import { freshDbPerTest } from './fresh-db';
import { quotaFaultPerTest } from './quota-fault';

// A full disk refuses a write in the middle of a transaction. Whatever was
// being stored, every table must look exactly as before: no message without
// its pending recompute, no account row without its messages, no half a backup.

const fault = quotaFaultPerTest();

function imported(n: number, from = 'dana@acme.com', daysAgo = 3): ImportedMailMessage[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `m${i}-${from}`,
    threadId: `t${i % 3}-${from}`,
    at: NOW - daysAgo * DAY + i * 60_000,
    from: i % 2 === 0 ? { email: from } : { email: ME },
    to: i % 2 === 0 ? [{ email: ME }] : [{ email: from }],
    cc: [],
    subject: `Quote ${i}`,
    snippet: `Snippet ${i}`,
    copyKey: hashText(`m${i}-${from}`),
  }));
}

/** History, reports, a follow-up decision, a correction and settings. */
async function fill(db: KeepwarmDb): Promise<void> {
  await saveUserSettings(db, { language: 'uk', replyTargetHours: 6 }, NOW);
  for (const [n, email] of ['dana@acme.com', 'li@globex.io'].entries()) {
    await storeConversation(db, exchange(email, 20 + n, 10 * n + 2), gmailPage(ME, NOW));
  }
  await storeImportBatch(db, { account: ME, messages: imported(6, 'max@initech.com') }, NOW, accountIdentity(ME));
  await recomputeAccount(db, ME, NOW);
  const followUp = (await db.clients.toArray()).flatMap((c) => c.report.followUps)[0];
  await recordFollowUpDecision(
    db,
    {
      account: ME,
      clientKey: 'acme.com',
      key: followUp?.key ?? 'check-in',
      status: 'snoozed',
      snoozedUntil: NOW + DAY,
    },
    NOW,
  );
  await setClientOverride(db, ME, 'globex.io', { name: 'Globex', tier: 'key' }, NOW);
}

async function tables(db: KeepwarmDb) {
  return (await exportBackup(db, 0)).tables;
}

describe('a quota error in the middle of a transaction leaves every table unchanged', () => {
  let db: KeepwarmDb;
  freshDbPerTest('quota', (fresh) => {
    db = fresh;
  });

  async function refusedWhole(write: () => Promise<unknown>, store: string, after = 0) {
    await fill(db);
    const before = await tables(db);
    fault.arm({ store, after });
    const error = await write().then(
      () => undefined,
      (e: unknown) => e,
    );
    fault.disarm();
    expect(fault.refused).toBeGreaterThan(0);
    expect(isQuotaError(error)).toBe(true);
    expect(await tables(db)).toEqual(before);
  }

  it('ingesting an opened conversation: refused at its pending marks, after its messages were put', async () => {
    const page = gmailPage(ME, NOW);
    await refusedWhole(() => storeConversation(db, exchange('new@umbrella.ua', 1, 90), page), 'recomputeMarks');
  });

  it('ingesting a Gmail list: refused at its messages, after its threads and account were put', async () => {
    const conversation = exchange('new@umbrella.ua', 1, 90);
    const last = conversation.messages[1];
    const row = {
      threadId: conversation.threadId,
      lastMessageId: last?.messageId,
      subject: 'Hello',
      snippet: 'Hi',
      participants: conversation.messages.flatMap((m) => (m.from ? [m.from] : [])),
      unread: true,
      messageCount: 2,
      hasDraft: false,
      lastActivityAt: last?.at,
      timeSource: 'id' as const,
    };
    await refusedWhole(() => storeThreadRows(db, [row], gmailPage(ME, NOW)), 'messages');
  });

  it('an import batch for a new account: refused at its fourth message, after the account row was put', async () => {
    const batch = { account: 'other@corp.example', messages: imported(10) };
    await refusedWhole(() => storeImportBatch(db, batch, NOW, accountIdentity(batch.account)), 'messages', 3);
  });

  it('a follow-up decision: refused at its pending mark, after the decision was put', async () => {
    const decision = { account: ME, clientKey: 'globex.io', key: 'check-in', status: 'dismissed' as const };
    await refusedWhole(() => recordFollowUpDecision(db, decision, NOW), 'recomputeMarks');
  });

  it('saving settings', async () => {
    await refusedWhole(() => saveUserSettings(db, { language: 'ru' }, NOW), 'settings');
  });

  it('restoring a backup: refused at its clients, after accounts and messages were replaced', async () => {
    const other = openKeepwarmDb('quota-backup-source');
    await storeImportBatch(other, { account: 'ivan@gmail.com', messages: imported(8) }, NOW, accountIdentity('x@y.z'));
    await recomputeAccount(other, 'ivan@gmail.com', NOW);
    const backup = await exportBackup(other, NOW);
    other.close();
    await Dexie.delete('quota-backup-source');
    await refusedWhole(() => importBackup(db, backup), 'clients');
  });

  it('a retention cleanup: refused at its pending marks, after old mail was deleted and snippets cleared', async () => {
    const later = NOW + 200 * DAY;
    await refusedWhole(() => applyRetention(db, { snippetMonths: 1, forgetMonths: 6 }, later), 'recomputeMarks');
  });

  it('recognises the quota error in the forms Dexie passes it on', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError(new Dexie.QuotaExceededError('full'))).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', quota))).toBe(true);
    expect(isQuotaError(new Dexie.BulkError('1 of 2 failed', { 1: quota }))).toBe(true);
    expect(isQuotaError(new Dexie.ConstraintError('Key already exists'))).toBe(false);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
  });
});

describe('the recorded storage problem', () => {
  function memoryStore(): ProblemStore & { value?: unknown } {
    const store: ProblemStore & { value?: unknown } = {
      read: async () => store.value,
      write: async (problem) => {
        store.value = problem;
      },
    };
    return store;
  }
  const quota = () =>
    Promise.reject(new Dexie.AbortError('Transaction aborted', new DOMException('full', 'QuotaExceededError')));

  it('is recorded with what was being stored, said as StorageFullError, and cleared by the next write that succeeds', async () => {
    const store = memoryStore();
    let now = NOW;
    const health = createStorageHealth(store, () => now);
    await expect(health.guard('import', quota)).rejects.toBeInstanceOf(StorageFullError);
    expect(store.value).toMatchObject({ operation: 'import', at: NOW, detail: expect.stringContaining('AbortError') });
    now += 1000;
    await expect(health.guard('settings', async () => 'saved')).resolves.toBe('saved');
    expect(store.value).toBeUndefined();
    expect(await health.current()).toBeUndefined();
  });

  it('is cleared by a success even after the worker restarted and only the stored record knows of it', async () => {
    const store = memoryStore();
    store.value = { operation: 'page', at: NOW, detail: 'QuotaExceededError' } satisfies StorageProblem;
    const health = createStorageHealth(store, () => NOW);
    expect(await health.current()).toMatchObject({ operation: 'page' });
    await health.guard('page', async () => undefined);
    expect(store.value).toBeUndefined();
    // Recorded by an earlier run of the worker while this one had already written fine.
    store.value = { operation: 'import', at: NOW, detail: 'QuotaExceededError' } satisfies StorageProblem;
    await health.guard('page', async () => undefined);
    expect(store.value).toBeUndefined();
  });

  it('lets any other error through untouched and records nothing', async () => {
    const store = memoryStore();
    const health = createStorageHealth(store, () => NOW);
    const other = new Dexie.ConstraintError('Key already exists');
    await expect(health.guard('import', () => Promise.reject(other))).rejects.toBe(other);
    expect(store.value).toBeUndefined();
  });

  it('pauses page observations for a while after a quota error, not the user’s own actions', async () => {
    let now = NOW;
    const health = createStorageHealth(memoryStore(), () => now);
    expect(health.pausingPageWrites()).toBe(false);
    await health.guard('page', quota).catch(() => undefined);
    expect(health.pausingPageWrites()).toBe(true);
    now += PAGE_WRITE_PAUSE_MS - 1;
    expect(health.pausingPageWrites()).toBe(true);
    now += 1;
    expect(health.pausingPageWrites()).toBe(false);
  });

  it('still rethrows the quota error when recording it fails too', async () => {
    const health = createStorageHealth({ read: async () => undefined, write: () => Promise.reject(new Error('disk')) });
    await expect(health.guard('import', quota)).rejects.toBeInstanceOf(StorageFullError);
  });
});

describe('a full disk seen through the background', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await Dexie.delete(DB_NAME);
    startBackground();
  });

  const fromOptions = { url: fakeBrowser.runtime.getURL('/options.html') };
  const fromGmail = { url: 'https://mail.google.com/mail/u/0/', tab: { id: 7 } };
  const send = async (message: unknown, sender: object = fromOptions) =>
    (await fakeBrowser.runtime.onMessage.trigger(message, sender))[0];
  const problem = async () => (await fakeBrowser.storage.local.get(STORAGE_PROBLEM_KEY))[STORAGE_PROBLEM_KEY];
  const batch = { type: 'ui/import-batch', account: ME, messages: imported(4) };

  it('answers an import batch with storageFull, records it, stores nothing; a later batch that fits clears it', async () => {
    fault.arm({ store: 'messages', after: 2 });
    const reply = await send(batch);
    expect(reply).toEqual({ storageFull: expect.stringMatching(/storage is full \(import\)/) });
    expect(await problem()).toMatchObject({ operation: 'import' });
    const db = openKeepwarmDb();
    expect(await db.messages.count()).toBe(0);
    expect(await db.accounts.count()).toBe(0);

    fault.disarm();
    expect(await send(batch)).toMatchObject({ added: 4 });
    expect(await problem()).toBeUndefined();
    expect(await db.messages.count()).toBe(4);
    db.close();
  });

  it('still answers a CRM record’s badge on a full disk, and learns nothing from it', async () => {
    await send(batch);
    const db = openKeepwarmDb();
    await recomputeAccount(db, ME, NOW);
    fault.arm({ store: 'crmLearned' });
    const reply = await send(
      {
        type: 'content/crm-record-seen',
        crm: 'hubspot',
        extraction: {
          record: {
            crm: 'hubspot',
            kind: 'person',
            recordId: '51',
            name: 'Dana',
            emails: ['dana@acme.com', 'dana.home@gmail.com'],
            activities: [],
          },
          health: { seen: 1, parsed: 1, failures: {}, missing: [], healthy: true },
        },
      },
      { url: 'https://app.hubspot.com/contacts/1/record/0-1/51', tab: { id: 9 } },
    );
    fault.disarm();
    expect(reply).toMatchObject({ match: 'matched', client: { key: 'acme.com' } });
    expect(await problem()).toMatchObject({ operation: 'page' });
    expect(await db.crmLearned.count()).toBe(0);
    db.close();
  });

  it('does not hammer a full disk with the observations of a Gmail tab that keeps changing', async () => {
    const conversation = (n: number) => ({
      type: 'content/gmail-conversation-seen',
      account: { accountPath: 'u/0', address: ME },
      pageLanguage: 'en',
      health: { seen: 1, parsed: 1, failures: {}, missing: [], healthy: true },
      conversation: { ...exchange('dana@acme.com', n, n * 2), threadId: messageId(NOW - n * DAY, n * 2) },
    });
    fault.arm();
    expect(await send(conversation(1), fromGmail)).toEqual({ storageFull: expect.any(String) });
    const refusedOnce = fault.refused;
    for (let n = 2; n < 12; n += 1) expect(await send(conversation(n), fromGmail)).toEqual({ stored: 0 });
    expect(fault.refused).toBe(refusedOnce);
    expect(await problem()).toMatchObject({ operation: 'page' });
  });
});
