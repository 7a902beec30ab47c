import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listAccounts, recordAccountSeen } from '@/lib/background/account-registry';
import { setClientOverride } from '@/lib/background/client-overrides';
import { watchClient } from '@/lib/background/crm-learning';
import { eraseAccountData, eraseAllData, importBackup } from '@/lib/background/data-admin';
import { recordFollowUpDecision } from '@/lib/background/follow-up-decisions';
import { storeGmailData } from '@/lib/background/gmail-data';
import { listContext, type PageContext, storeConversation, storeThreadRows } from '@/lib/background/gmail-observations';
import { recomputeAccount } from '@/lib/background/recompute';
import { readUserSettings, saveUserSettings } from '@/lib/background/settings-store';
import { exportBackup } from '@/lib/data/backup-export';
import { type Backup, CURRENT_SCHEMA_VERSION, readBackupText, TABLE_NAMES } from '@/lib/data/backup-format';
import { BackupPartsError, createBackupAssembler, splitBackup } from '@/lib/data/backup-parts';
import { accountIdentity } from '@/lib/engine/account-identity';
import { storedChoice } from '@/lib/engine/risk-model/account-model';
import { uiImportDataSchema } from '@/lib/features/data/messages';
import type { ConversationRecord } from '@/lib/sites/gmail/records';
import { type KeepwarmDb, openKeepwarmDb } from '@/lib/store/db';
import { markedRefs, markPending, pendingOf } from '@/lib/store/pending-recompute';
import { inboxRow } from '../background/inbox-rows';

const OLENA = 'olena@brightpath.studio';
const IVAN = 'ivan@gmail.com';
const NOW = Date.UTC(2026, 10, 20, 12);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const id = (at: number, n: number) => ((BigInt(at) << 20n) | BigInt(n)).toString(10);

function page(account: string): PageContext {
  return {
    account,
    identity: accountIdentity(account),
    accountPath: account === OLENA ? 'u/0' : 'u/1',
    health: { seen: 1, parsed: 1, failures: {}, missing: [], healthy: true },
    parseTitle: () => undefined,
    now: NOW,
  };
}

/** `email` wrote to `account` `daysAgo`; the account answered an hour later unless `unanswered`. */
function exchange(account: string, email: string, daysAgo: number, n: number, unanswered = false): ConversationRecord {
  const at = NOW - daysAgo * DAY;
  const them = { email, name: `Name of ${email}`, isMe: false };
  const me = { email: account, name: 'Me', isMe: true };
  const messages: ConversationRecord['messages'] = [
    { messageId: id(at, n), from: them, to: [me], at, timeSource: 'id', state: 'collapsed' },
  ];
  if (!unanswered) {
    messages.push({
      messageId: id(at + HOUR, n + 1),
      from: me,
      to: [them],
      at: at + HOUR,
      timeSource: 'id',
      state: 'expanded',
    });
  }
  return { threadId: id(at, n), subject: `Project ${n} — "quotes", =SUM(1)`, foldedCount: 0, messages };
}

/** Two accounts with history, reports, a sender set aside, a follow-up decision, corrections, settings and a pending mark. */
async function fill(db: KeepwarmDb): Promise<void> {
  await saveUserSettings(
    db,
    { language: 'uk', accounts: { [OLENA]: { aliases: ['hello@brightpath.studio'], internalDomains: [] } } },
    NOW,
  );
  let n = 0;
  for (const [account, clients] of [
    [OLENA, ['dana@acme.com', 'li@globex.io', 'max@initech.com']],
    [IVAN, ['ola@umbrella.ua']],
  ] as const) {
    await recordAccountSeen({
      accountPath: page(account).accountPath,
      address: account,
      lastSeenAt: NOW,
      lastView: '',
    });
    // A vendor's notice nobody answers: set aside as automated.
    n += 2;
    await storeConversation(db, exchange(account, 'renewals@vendor.example', 5, n, true), page(account));
    for (const email of clients) {
      for (let days = 60; days > 0; days -= 9) {
        n += 2;
        const conversation = exchange(account, email, days, n, days < 9);
        await storeConversation(db, conversation, page(account));
        const last = conversation.messages.at(-1);
        const row = {
          threadId: conversation.threadId,
          lastMessageId: last?.messageId,
          subject: conversation.subject,
          snippet: '<script>alert(1)</script>',
          participants: conversation.messages.flatMap((m) => (m.from ? [m.from] : [])),
          unread: days < 9,
          messageCount: conversation.messages.length,
          hasDraft: false,
          lastActivityAt: last?.at,
          timeSource: 'id' as const,
        };
        await storeThreadRows(db, [row], page(account));
      }
    }
    await recomputeAccount(db, account, NOW);
  }
  // The choice of the chance's model, kept beside the account.
  await db.accounts.update(OLENA, { riskModel: storedChoice({ adopt: false, reason: 'few-samples' }, NOW) });
  // Gmail's own data: a message of that source, its bulk evidence and the account's data health.
  const offerAt = NOW - 2 * DAY;
  await storeGmailData(
    db,
    [
      {
        threadId: id(offerAt, 900),
        subject: 'Spring offers',
        labels: ['^all', '^i'],
        category: 'promotions',
        messages: [
          {
            messageId: id(offerAt, 900),
            from: { email: 'news@shop.example', name: 'Shop' },
            to: [{ email: OLENA, name: '' }],
            cc: [],
            at: offerAt,
            draft: false,
          },
        ],
      },
    ],
    {
      account: OLENA,
      identity: accountIdentity(OLENA),
      accountPath: 'u/0',
      health: { payloads: 2, recognised: 1, threads: 1, messages: 1, dropped: 0, refused: { 'not-gmail': 1 } },
      now: NOW,
    },
  );
  // An inbox list read with no thread opened: inferred senders, a message known by its date, the titles' offset.
  const me = { email: OLENA, name: 'me', isMe: true };
  const newcomer = { email: 'sam@hooli.xyz', name: 'Sam', isMe: false };
  const rows = [1, 2, 3].map((n) => inboxRow(900 + n, [newcomer], 1, NOW - n * DAY - n * 7_001));
  rows.push(inboxRow(904, [newcomer, me], 2, NOW - HOUR - 4_123, NOW - 5 * HOUR - 17 * 60_000));
  await storeThreadRows(db, rows, page(OLENA), listContext('inbox', 'en', NOW));
  await setClientOverride(db, OLENA, 'acme.com', { name: 'ACME Ltd', tier: 'key' }, NOW);
  await watchClient(db, OLENA, 'fresh-bakery.de', NOW);
  const client = await db.clients.get([OLENA, 'globex.io']);
  const followUp = client?.report.followUps[0];
  if (followUp) {
    await recordFollowUpDecision(
      db,
      { account: OLENA, clientKey: 'globex.io', key: followUp.key, status: 'snoozed', snoozedUntil: NOW + DAY },
      NOW,
    );
  }
  await db.transaction('rw', db.recomputeMarks, () => markPending(db, IVAN, [`${IVAN}|umbrella.ua`]));
}

async function snapshot(db: KeepwarmDb) {
  return (await exportBackup(db, NOW)).tables;
}

let db: KeepwarmDb;
let name = 0;
beforeEach(() => {
  fakeBrowser.reset();
  name += 1;
  db = openKeepwarmDb(`backup-${name}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(`backup-${name}`);
});

describe('backup', () => {
  it('covers every table of the database', () => {
    expect([...TABLE_NAMES].sort()).toEqual(db.tables.map((table) => table.name).sort());
  });

  it('round-trips: export, delete all, import gives back an identical database', async () => {
    await fill(db);
    const before = await snapshot(db);
    for (const table of TABLE_NAMES) expect(before[table]?.length, table).toBeGreaterThan(0);
    const file = JSON.stringify(await exportBackup(db, NOW));

    await eraseAllData(db);
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
    expect(await listAccounts()).toEqual([]);

    const check = readBackupText(file);
    if (!check.ok) throw new Error(JSON.stringify(check.problem));
    // The page sends it in parts, each through the message schema; the background puts them together.
    const parts = splitBackup(check.backup, 4096);
    expect(parts.length).toBeGreaterThan(3);
    const assembler = createBackupAssembler();
    let whole: Backup | undefined;
    for (const [part, backup] of parts.entries()) {
      const message = uiImportDataSchema.parse({
        type: 'ui/import-data',
        importId: 'a',
        part,
        parts: parts.length,
        backup,
      });
      whole = assembler.add(message.importId, message.part, message.parts, message.backup);
      if (part < parts.length - 1) expect(whole).toBeUndefined();
    }
    if (!whole) throw new Error('not assembled');
    const counts = await importBackup(db, whole);
    expect(counts.messages).toBe(before.messages?.length);
    expect(before.messages?.some((m) => m.senderEvidence === 'shown-date-row')).toBe(true);
    expect(before.accounts?.find((a) => a.address === OLENA)?.titleOffset?.minutes).toBe(-240);
    expect(await snapshot(db)).toEqual(before);
    expect((await listAccounts()).map((a) => a.address).sort()).toEqual([IVAN, OLENA]);
    expect((await readUserSettings(db)).language).toBe('uk');
    expect(before.messages?.some((m) => m.source === 'gmail-data')).toBe(true);
    expect(before.accounts?.find((a) => a.address === OLENA)?.dataHealth).toBeDefined();
    // Not a field the backup's schema names: it travels as an unknown one, and the engine validates it when it reads it.
    expect((before.accounts?.find((a) => a.address === OLENA) as { riskModel?: unknown })?.riskModel).toMatchObject({
      choice: {
        source: 'shipped',
        reason: 'few-samples',
      },
    });
  });

  it('restores a backup of v5, whose clients waiting for a recompute had a row each, as marks of the same clients', async () => {
    await fill(db);
    const { recomputeMarks: _, ...tables } = await snapshot(db);
    const pendingRecompute = [
      { ref: `${IVAN}|umbrella.ua`, account: IVAN, markedAt: NOW },
      { ref: `${OLENA}|acme.com`, account: OLENA, markedAt: NOW },
      { ref: `${OLENA}|globex.io`, account: OLENA, markedAt: NOW + 1 },
    ];
    const old = {
      format: 'keepwarm-backup',
      schemaVersion: 5,
      exportedAt: NOW,
      tables: { ...tables, pendingRecompute },
    };
    const check = readBackupText(JSON.stringify(old));
    if (!check.ok) throw new Error(JSON.stringify(check.problem));
    const assembler = createBackupAssembler();
    const parts = splitBackup(check.backup, 4096);
    const whole = parts.map((part, i) => assembler.add('old', i, parts.length, part)).at(-1);
    if (!whole) throw new Error('not assembled');
    const counts = await importBackup(db, whole);
    expect(counts.recomputeMarks).toBe(3);
    expect(markedRefs(await pendingOf(db, IVAN))).toEqual(new Set([`${IVAN}|umbrella.ua`]));
    expect(markedRefs(await pendingOf(db, OLENA))).toEqual(new Set([`${OLENA}|acme.com`, `${OLENA}|globex.io`]));
    const { recomputeMarks: __, ...restored } = await snapshot(db);
    expect(restored).toEqual(tables);
  });

  it('restores a backup written before the popup’s waiting places with each client placed from its report', async () => {
    await fill(db);
    const before = await snapshot(db);
    expect(before.clients?.some((c) => c.onYouPlace || c.stoppedPlace)).toBe(true);
    const backup = await exportBackup(db, NOW);
    const clients = (backup.tables.clients ?? []).map((row) => {
      const { onYouPlace: _, stoppedPlace: __, ...older } = row as Record<string, unknown>;
      return older;
    });
    const check = readBackupText(JSON.stringify({ ...backup, tables: { ...backup.tables, clients } }));
    if (!check.ok) throw new Error(JSON.stringify(check.problem));
    await eraseAllData(db);
    await importBackup(db, check.backup);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a broken file, another file and a newer version with a clear reason, changing nothing', async () => {
    await fill(db);
    const before = await snapshot(db);
    const good = await exportBackup(db, NOW);
    expect(readBackupText('{"format": "keepwarm-backup", "tables": {')).toEqual({
      ok: false,
      problem: { kind: 'not-json' },
    });
    expect(readBackupText('{"hello": 1}')).toEqual({ ok: false, problem: { kind: 'not-a-backup' } });
    expect(readBackupText(JSON.stringify({ ...good, schemaVersion: CURRENT_SCHEMA_VERSION + 1 }))).toEqual({
      ok: false,
      problem: { kind: 'newer-version', version: CURRENT_SCHEMA_VERSION + 1 },
    });
    const damaged = structuredClone(good);
    (damaged.tables.messages?.[3] as { at: unknown }).at = 'yesterday';
    const check = readBackupText(JSON.stringify(damaged));
    expect(check).toMatchObject({ ok: false, problem: { kind: 'invalid', where: 'tables.messages.3.at' } });
    const badReport = structuredClone(good);
    const client = badReport.tables.clients?.[0] as { report: { risk: object } } | undefined;
    if (!client) throw new Error('the filled database has clients');
    client.report.risk = { level: 'doomed' };
    expect(readBackupText(JSON.stringify(badReport))).toMatchObject({
      ok: false,
      problem: { kind: 'invalid', where: expect.stringMatching(/^tables\.clients\.0\.report\.risk\./) },
    });
    const guessed = structuredClone(good);
    const inferredAt = guessed.tables.messages?.findIndex((m) => m.senderEvidence !== undefined) ?? -1;
    (guessed.tables.messages?.[inferredAt] as { senderEvidence: unknown }).senderEvidence = 'a hunch';
    expect(readBackupText(JSON.stringify(guessed))).toMatchObject({
      ok: false,
      problem: { kind: 'invalid', where: `tables.messages.${inferredAt}.senderEvidence` },
    });
    const unknownTable = { ...good, tables: { ...good.tables, surprises: [] } };
    expect(readBackupText(JSON.stringify(unknownTable))).toMatchObject({ ok: false, problem: { kind: 'invalid' } });
    await expect(importBackup(db, damaged)).rejects.toThrow(/can import: invalid/);
    const message = { type: 'ui/import-data', importId: 'a', part: 0, parts: 1 };
    expect(uiImportDataSchema.safeParse({ ...message, backup: damaged }).success).toBe(false);
    expect(uiImportDataSchema.safeParse({ ...message, part: 1, backup: good }).success).toBe(false);
    expect(await snapshot(db)).toEqual(before);
  });

  it('changes nothing when a row cannot be stored halfway through an import', async () => {
    await fill(db);
    const before = await snapshot(db);
    const backup = await exportBackup(db, NOW);
    const clients = backup.tables.clients ?? [];
    // Two rows with one key: the second add fails after the first tables were already replaced.
    backup.tables.clients = [...clients, ...clients.slice(0, 1)];
    await expect(importBackup(db, backup)).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses parts that are missing, out of order or from two backups', async () => {
    await fill(db);
    const backup = await exportBackup(db, NOW);
    const parts = splitBackup(backup, 4096);
    const [first, second, third] = parts as [Backup, Backup, Backup];
    const assembler = createBackupAssembler();
    assembler.add('a', 0, parts.length, first);
    expect(() => assembler.add('a', 2, parts.length, third)).toThrow(BackupPartsError);
    // After a refusal the import starts over from its first part.
    expect(() => assembler.add('a', 1, parts.length, second)).toThrow(/incomplete/);
    assembler.add('b', 0, parts.length, first);
    expect(() => assembler.add('b', 1, parts.length, { ...second, exportedAt: NOW + 1 })).toThrow(/two different/);
    assembler.add('c', 0, parts.length, first);
    // A new import replaces one the page abandoned.
    assembler.add('d', 0, 2, first);
    expect(assembler.add('d', 1, 2, second)?.tables.messages?.length).toBeGreaterThan(0);
  });

  it('deletes one account and leaves the other exactly as it was', async () => {
    await fill(db);
    const before = await snapshot(db);
    await eraseAccountData(db, OLENA);
    const after = await snapshot(db);
    for (const table of TABLE_NAMES) {
      if (table === 'settings') continue;
      const rows = (before[table] ?? []) as { account?: string; address?: string }[];
      const kept = rows.filter((row) => (row.account ?? row.address) !== OLENA);
      expect(after[table], table).toEqual(kept);
    }
    expect((await readUserSettings(db)).accounts).toEqual({});
    expect((await readUserSettings(db)).language).toBe('uk');
    expect((await listAccounts()).map((a) => a.address)).toEqual([IVAN]);
  });
});
