import { describe, expect, it } from 'vitest';
import { recordFollowUpDecision } from '@/lib/background/follow-up-decisions';
import { storeConversation, storeThreadRows } from '@/lib/background/gmail-observations';
import { recomputeAccount, recomputeClients } from '@/lib/background/recompute';
import { applyRetention, retentionCutoffs, runRetention } from '@/lib/background/retention';
import { readUserSettings, saveUserSettings } from '@/lib/background/settings-store';
import { storeImportBatch } from '@/lib/background/store-import-batch';
import { exportBackup } from '@/lib/data/backup-export';
import { accountIdentity } from '@/lib/engine/account-identity';
import type { MailMessage } from '@/lib/engine/types';
import { parseUserSettings, type UserSettings } from '@/lib/settings/user-settings';
import type { KeepwarmDb } from '@/lib/store/db';
import { markedRefs, pendingOf } from '@/lib/store/pending-recompute';
import { freshDbPerTest } from '../store/fresh-db';
import { DAY, exchange, ME, NOW } from './exchange';
import { gmailPage } from './gmail-page';

// How long mail is kept: old snippets cleared, old mail forgotten, the clients
// it changed recomputed, everything else (newer mail, another account, the
// user's decisions and corrections) left exactly as it was.

const OTHER = 'ivan@gmail.com';
const MONTH = 30 * DAY;

let db: KeepwarmDb;
freshDbPerTest('retention', (fresh) => {
  db = fresh;
});

/** One message from `email` to `account`, `daysAgo`, with a snippet. */
function mail(account: string, email: string, daysAgo: number, n: number): MailMessage {
  return {
    id: `${n}@${email}`,
    threadId: `thread-${n}`,
    at: NOW - daysAgo * DAY,
    from: { email },
    to: [{ email: account }],
    cc: [],
    subject: `Order ${n}`,
    snippet: `Please cancel order ${n}`,
  };
}

/**
 * ME: acme.com wrote 10 days and 400 days ago, initech.com only 400 and 500
 * days ago; a Gmail conversation with globex.io 20 days ago and its list row.
 * OTHER: umbrella.ua 400 days ago. A follow-up decision on initech.com.
 */
async function fill(): Promise<void> {
  await storeImportBatch(
    db,
    {
      account: ME,
      messages: [
        mail(ME, 'dana@acme.com', 10, 1),
        mail(ME, 'dana@acme.com', 400, 2),
        mail(ME, 'max@initech.com', 400, 3),
        mail(ME, 'max@initech.com', 500, 4),
      ],
    },
    NOW,
    accountIdentity(ME),
  );
  const conversation = exchange('li@globex.io', 20, 50);
  await storeConversation(db, conversation, gmailPage(ME, NOW));
  await storeThreadRows(
    db,
    [
      {
        threadId: conversation.threadId,
        lastMessageId: conversation.messages[1]?.messageId,
        subject: 'Project',
        snippet: 'See you Tuesday',
        participants: conversation.messages.flatMap((m) => (m.from ? [m.from] : [])),
        unread: false,
        messageCount: 2,
        hasDraft: false,
        lastActivityAt: conversation.messages[1]?.at,
        timeSource: 'id' as const,
      },
    ],
    gmailPage(ME, NOW),
  );
  await storeImportBatch(db, { account: OTHER, messages: [mail(OTHER, 'ola@umbrella.ua', 400, 9)] }, NOW, {
    ...accountIdentity(OTHER),
  });
  await recomputeAccount(db, ME, NOW);
  await recomputeAccount(db, OTHER, NOW);
  await recordFollowUpDecision(
    db,
    { account: ME, clientKey: 'initech.com', key: 'nudge:initech.com:thread-3', status: 'dismissed' },
    NOW,
  );
}

const retention = (snippetMonths: number, forgetMonths: number): UserSettings['retention'] => ({
  snippetMonths,
  forgetMonths,
});

async function recomputeTouched(touched: Map<string, Set<string>>, now: number) {
  for (const [account, refs] of touched) await recomputeClients(db, account, refs, now);
}

describe('retention cutoffs', () => {
  it('counts calendar months back from now; 0 keeps everything', () => {
    const now = Date.UTC(2026, 2, 31, 12);
    expect(retentionCutoffs(retention(0, 0), now)).toEqual({ snippetsBefore: undefined, forgetBefore: undefined });
    const { snippetsBefore, forgetBefore } = retentionCutoffs(retention(1, 12), now);
    // A month before March 31 is the last day of February.
    expect(new Date(snippetsBefore as number).getUTCMonth()).toBe(1);
    expect(new Date(forgetBefore as number).getUTCFullYear()).toBe(2025);
  });
});

describe('clearing old snippets', () => {
  it('clears only snippets older than N months, in both accounts, and recomputes the clients it changed', async () => {
    await fill();
    const later = NOW + DAY;
    const result = await applyRetention(db, retention(12, 0), later);
    expect(result.snippetsCleared).toBe(4);
    expect(result.messagesForgotten).toBe(0);
    const messages = await db.messages.toArray();
    expect(messages).toHaveLength(7);
    const snippets = Object.fromEntries(messages.filter((m) => m.snippet !== '').map((m) => [m.id, m.snippet]));
    // The Gmail conversation's own copies never had one; its list row gave the last message its snippet.
    expect(snippets).toEqual({
      '1@dana@acme.com': 'Please cancel order 1',
      [exchange('li@globex.io', 20, 50).messages[1]?.messageId as string]: 'See you Tuesday',
    });
    expect([...result.touched.keys()].sort()).toEqual([OTHER, ME].sort());
    expect([...(result.touched.get(ME) ?? [])].sort()).toEqual([`${ME}|acme.com`, `${ME}|initech.com`]);
    // Marked in the same transaction, then recomputed.
    expect([...markedRefs(await pendingOf(db))].sort()).toEqual(
      [`${ME}|acme.com`, `${ME}|initech.com`, `${OTHER}|umbrella.ua`].sort(),
    );
    await recomputeTouched(result.touched, later);
    expect(await db.recomputeMarks.count()).toBe(0);
    expect((await db.clients.get([ME, 'acme.com']))?.computedAt).toBe(later);
    expect((await db.clients.get([ME, 'globex.io']))?.computedAt).toBe(NOW);
  });

  it('clears the snippet of an old thread, keeps a recent one', async () => {
    await fill();
    await applyRetention(db, retention(1, 0), NOW);
    expect((await db.threads.toArray()).map((t) => t.snippet)).toEqual(['See you Tuesday']);
    await applyRetention(db, retention(1, 0), NOW + 2 * MONTH);
    expect((await db.threads.toArray()).map((t) => t.snippet)).toEqual(['']);
  });

  it('changes nothing the second time', async () => {
    await fill();
    await applyRetention(db, retention(12, 0), NOW);
    const before = await exportBackup(db, 0);
    const again = await applyRetention(db, retention(12, 0), NOW);
    expect(again).toMatchObject({ snippetsCleared: 0, messagesForgotten: 0, threadsForgotten: 0 });
    expect(again.touched.size).toBe(0);
    expect(await exportBackup(db, 0)).toEqual(before);
  });
});

describe('forgetting old mail', () => {
  it('deletes only mail older than N months; a client with nothing left goes, decisions and other clients stay', async () => {
    await fill();
    const decisions = await db.followUpStates.toArray();
    const result = await applyRetention(db, retention(0, 12), NOW);
    expect(result).toMatchObject({ messagesForgotten: 4, threadsForgotten: 0, snippetsCleared: 0 });
    const globex = exchange('li@globex.io', 20, 50).messages.map((m) => m.messageId as string);
    expect((await db.messages.toArray()).map((m) => m.id).sort()).toEqual(['1@dana@acme.com', ...globex].sort());
    await recomputeTouched(result.touched, NOW);
    const clients = (await db.clients.toArray()).map((c) => `${c.account}|${c.key}`).sort();
    expect(clients).toEqual([`${ME}|acme.com`, `${ME}|globex.io`]);
    expect((await db.clients.get([ME, 'acme.com']))?.report.metrics).toBeDefined();
    expect(await db.followUpStates.toArray()).toEqual(decisions);
  });

  it('forgets a thread whose last activity is older, with its messages', async () => {
    await fill();
    const result = await applyRetention(db, retention(0, 6), NOW + 7 * MONTH);
    expect(result.threadsForgotten).toBe(1);
    expect(await db.threads.count()).toBe(0);
    // Seven months on, every message is older than six months back from then.
    expect((await db.messages.toArray()).map((m) => m.id)).toEqual([]);
  });

  it('with both set, forgets first and clears what is left', async () => {
    await fill();
    const result = await applyRetention(db, retention(6, 12), NOW);
    expect(result).toMatchObject({ messagesForgotten: 4, snippetsCleared: 0 });
    const later = await applyRetention(db, retention(6, 12), NOW + 7 * MONTH);
    // Seven months on, acme.com's recent message and the snippet the Gmail list gave globex.io's.
    expect(later.snippetsCleared).toBe(2);
  });
});

describe('the retention job', () => {
  const recompute = (account: string, refs: Set<string>) =>
    recomputeClients(db, account, refs, NOW).then(() => undefined);

  it('reads the saved settings, applies them, recomputes and reports what it did', async () => {
    await fill();
    await saveUserSettings(db, { retention: { snippetMonths: 12, forgetMonths: 0 } }, NOW);
    const run = await runRetention(db, NOW, { recompute });
    expect(run).toEqual({ at: NOW, snippetsCleared: 4, messagesForgotten: 0, threadsForgotten: 0 });
    expect(await db.recomputeMarks.count()).toBe(0);
  });

  it('does nothing with the defaults', async () => {
    await fill();
    const before = await exportBackup(db, 0);
    expect(await runRetention(db, NOW, { recompute })).toEqual({
      at: NOW,
      snippetsCleared: 0,
      messagesForgotten: 0,
      threadsForgotten: 0,
    });
    expect(await exportBackup(db, 0)).toEqual(before);
  });

  it.each([
    ['a negative number of months', { snippetMonths: -3, forgetMonths: 0 }, /retention\.snippetMonths|snippetMonths/],
    ['forgetting under six months', { snippetMonths: 0, forgetMonths: 2 }, /forgetMonths/],
    ['text for a number', { snippetMonths: 'six', forgetMonths: 0 }, /snippetMonths/],
    ['not an object at all', 'forever', /expected object/],
  ])('survives %s in the stored row: deletes nothing and says why', async (_, bad, reason) => {
    await fill();
    const row = await db.settings.get('user');
    await db.settings.put({
      id: 'user',
      updatedAt: NOW,
      settings: { ...(row?.settings ?? (await readUserSettings(db))), retention: bad } as unknown as UserSettings,
    });
    const before = await exportBackup(db, 0);
    const run = await runRetention(db, NOW, { recompute });
    expect(run).toEqual({
      at: NOW,
      error: expect.stringMatching(/retention settings are invalid, nothing was deleted/),
    });
    expect('error' in run && run.error).toMatch(reason);
    expect(await exportBackup(db, 0)).toEqual(before);
  });

  it('reports a failure of the cleanup itself instead of throwing', async () => {
    await fill();
    await saveUserSettings(db, { retention: { snippetMonths: 1, forgetMonths: 0 } }, NOW);
    const run = await runRetention(db, NOW, {
      recompute,
      guard: () => Promise.reject(new Error("Keepwarm's storage is full (retention): QuotaExceededError")),
    });
    expect(run).toEqual({ at: NOW, error: expect.stringContaining('storage is full') });
  });
});

describe('retention in the settings record', () => {
  it('an older record without it still parses, with retention off', () => {
    const old = { language: 'uk', replyTargetHours: 6, notifications: { dailyDigest: true, digestHour: 8 } };
    expect(parseUserSettings(old).retention).toEqual({ snippetMonths: 0, forgetMonths: 0 });
  });

  it('an older stored row reads with retention off, the rest as it was', async () => {
    await db.settings.put({
      id: 'user',
      updatedAt: NOW,
      settings: { language: 'ru', replyTargetHours: 4 } as unknown as UserSettings,
    });
    const settings = await readUserSettings(db);
    expect(settings).toMatchObject({
      language: 'ru',
      replyTargetHours: 4,
      retention: { snippetMonths: 0, forgetMonths: 0 },
    });
  });

  it.each([
    [{ snippetMonths: 1.5, forgetMonths: 0 }],
    [{ snippetMonths: 121, forgetMonths: 0 }],
    [{ snippetMonths: 0, forgetMonths: 5 }],
    [{ snippetMonths: 0, forgetMonths: 241 }],
    [{ snippetMonths: 0, forgetMonths: 0, keepAll: true }],
  ])('refuses %j', (bad) => {
    expect(() => parseUserSettings({ retention: bad })).toThrow(/retention/);
  });
});
