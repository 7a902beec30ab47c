import path from 'node:path';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { recordAccountSeen } from '@/lib/background/account-registry';
import { type PageContext, storeConversation } from '@/lib/background/gmail-observations';
import { recomputeAccount } from '@/lib/background/recompute';
import { startBackground } from '@/lib/background/start';
import { storeImportBatch } from '@/lib/background/store-import-batch';
import { watchedAccounts } from '@/lib/background/watched-accounts';
import { accountIdentity } from '@/lib/engine/account-identity';
import { type ImportedMailMessage, importMailbox } from '@/lib/mail-import/mailbox-batches';
import { mailboxSourcesAt } from '@/lib/mail-import/node-files';
import type { ConversationRecord } from '@/lib/sites/gmail/records';
import { DB_NAME, type KeepwarmDb, openKeepwarmDb } from '@/lib/store/db';
import { markedRefs, pendingOf } from '@/lib/store/pending-recompute';
import { accountPathOf, gmailThreadUrl } from '@/lib/ui/open-in-gmail';
import { freshDbPerTest } from '../store/fresh-db';

const ME = 'olena@brightpath.studio';
const LATE_LINK = path.resolve(import.meta.dirname, '../../fixtures/mail-import/late-link.mbox');
// Enron-style folders: a message's copy in each folder has its own Message-ID.
const FOLDERS = path.resolve(import.meta.dirname, '../../fixtures/mail-import/folders');
const IDENTITY = accountIdentity(ME);
const NOW = Date.UTC(2026, 10, 20, 12);
const HOUR = 3_600_000;
// A Gmail id codes its creation time in the bits above the lowest 20 (lib/sites/gmail/gmail-ids.ts).
const gmailId = (at: number, n: number) => ((BigInt(at) << 20n) | BigInt(n)).toString(10);

const firstAt = NOW - 5 * 24 * HOUR;
const replyAt = firstAt + 2 * HOUR;
const thread = gmailId(firstAt, 1);
const dana = { email: 'dana@acme.com', name: 'Dana' };
const me = { email: ME, name: 'Olena' };

// What a Takeout import gives for the two messages: X-GM-THRID as the thread, the
// Message-ID as the id, and the Date header, which is the sender's clock (off by seconds).
const imported: ImportedMailMessage[] = [
  {
    id: 'a1@acme.com',
    threadId: thread,
    at: firstAt - 20_000,
    from: dana,
    to: [me],
    cc: [],
    subject: 'Website',
    snippet: 'Can we talk about the new pages?',
    copyKey: '00000000000000a1',
  },
  {
    id: 'b1@brightpath.studio',
    threadId: thread,
    at: replyAt + 30_000,
    from: me,
    to: [dana],
    cc: [],
    subject: 'Re: Website',
    snippet: 'Sure, Tuesday?',
    copyKey: '00000000000000b1',
  },
];

const conversation: ConversationRecord = {
  threadId: thread,
  subject: 'Website',
  foldedCount: 0,
  messages: [
    {
      messageId: gmailId(firstAt, 1),
      from: { ...dana, isMe: false },
      to: [{ ...me, isMe: true }],
      at: firstAt,
      timeSource: 'id',
      state: 'collapsed',
    },
    {
      messageId: gmailId(replyAt, 2),
      from: { ...me, isMe: true },
      to: [{ ...dana, isMe: false }],
      at: replyAt,
      timeSource: 'id',
      state: 'expanded',
    },
  ],
};

const page: PageContext = {
  account: ME,
  identity: IDENTITY,
  accountPath: 'u/0',
  health: { seen: 1, parsed: 1, failures: {}, missing: [], healthy: true },
  parseTitle: () => undefined,
  now: NOW,
};

let db: KeepwarmDb;
freshDbPerTest('import', (fresh) => {
  db = fresh;
});

describe('storing an import batch', () => {
  it('stores messages as imported, registers the account and names the clients', async () => {
    const result = await storeImportBatch(db, { account: ME, messages: imported }, NOW, IDENTITY);
    expect(result).toMatchObject({ added: 2, updated: 0, unchanged: 0, clientKeys: ['acme.com'] });
    expect([...result.touched]).toEqual([`${ME}|acme.com`]);
    const stored = await db.messages.toArray();
    expect(stored.map((m) => [m.source, m.senderKnown, m.clientRefs])).toEqual([
      ['import', true, [`${ME}|acme.com`]],
      ['import', true, [`${ME}|acme.com`]],
    ]);
    expect(await db.accounts.get(ME)).toMatchObject({ address: ME, firstSeenAt: NOW });
  });

  it('changes nothing when the same batch is stored again', async () => {
    await storeImportBatch(db, { account: ME, messages: imported }, NOW, IDENTITY);
    const before = await db.messages.toArray();
    const again = await storeImportBatch(db, { account: ME, messages: imported }, NOW + 1000, IDENTITY);
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    expect(again.touched.size).toBe(0);
    expect(await db.messages.toArray()).toEqual(before);
  });

  it('keeps two imported messages a sender wrote seconds apart in one thread as two', async () => {
    const second = {
      ...imported[0],
      id: 'a2@acme.com',
      at: firstAt - 5_000,
      snippet: 'And one more thing.',
      copyKey: '00000000000000a2',
    } as ImportedMailMessage;
    await storeImportBatch(db, { account: ME, messages: [imported[0] as ImportedMailMessage, second] }, NOW, IDENTITY);
    expect(await db.messages.count()).toBe(2);
  });

  it('re-homes the messages of a thread that turned out to be part of another, counted once', async () => {
    const [question, answer] = imported.map((m, i) => ({ ...m, threadId: `t:${String(i).repeat(16)}` })) as [
      ImportedMailMessage,
      ImportedMailMessage,
    ];
    await storeImportBatch(db, { account: ME, messages: [question] }, NOW, IDENTITY);
    await db.recomputeMarks.clear();
    const result = await storeImportBatch(
      db,
      { account: ME, messages: [answer], moves: [{ from: question.threadId, to: answer.threadId }] },
      NOW,
      IDENTITY,
    );
    expect([...result.touched]).toEqual([`${ME}|acme.com`]);
    expect([...markedRefs(await pendingOf(db))]).toEqual([`${ME}|acme.com`]);
    const stored = await db.messages.orderBy('[account+at]').toArray();
    expect(stored.map((m) => [m.id, m.threadId])).toEqual([
      [question.id, answer.threadId],
      [answer.id, answer.threadId],
    ]);
    const [client] = await recomputeAccount(db, ME, NOW);
    expect(client?.report.metrics.latency.ours.medianMs).toBe(answer.at - question.at);
  });

  it('ends the same when a file whose threads moved is imported again', async () => {
    const importFile = async () => {
      for await (const batch of importMailbox(await mailboxSourcesAt(LATE_LINK), { batchSize: 1 })) {
        await storeImportBatch(db, { account: ME, ...batch }, NOW, IDENTITY);
      }
      return db.messages.orderBy('[account+at]').toArray();
    };
    const first = await importFile();
    expect(first).toHaveLength(3);
    expect(new Set(first.map((m) => m.threadId)).size).toBe(1);
    expect(await importFile()).toEqual(first);
  });

  it('stores no second record for a copy an earlier import stored under another Message-ID', async () => {
    const [original, other] = imported as [ImportedMailMessage, ImportedMailMessage];
    await storeImportBatch(db, { account: ME, messages: [original] }, NOW, IDENTITY);
    const copy = { ...original, id: 'a1-copy@acme.com', threadId: 't:00000000000000c1' };
    const result = await storeImportBatch(db, { account: ME, messages: [copy, other] }, NOW, IDENTITY);
    expect(result).toMatchObject({ added: 1, duplicates: 1 });
    const stored = await db.messages.orderBy('[account+at]').toArray();
    // The stored record keeps its id and takes the thread this import placed the copy in.
    expect(stored.map((m) => [m.id, m.threadId])).toEqual([
      [original.id, copy.threadId],
      [other.id, other.threadId],
    ]);
    // A message of the same sender, time and subject with another body is another message.
    const sameMinute = { ...original, id: 'a3@acme.com', copyKey: '00000000000000a3' };
    expect(await storeImportBatch(db, { account: ME, messages: [sameMinute] }, NOW, IDENTITY)).toMatchObject({
      added: 1,
      duplicates: 0,
    });
    // Another account's copy is that account's message.
    await storeImportBatch(db, { account: 'other@brightpath.studio', messages: [copy] }, NOW, IDENTITY);
    expect(await db.messages.count()).toBe(4);
  });

  it('one folder imported, then the whole mailbox, stores what one import of the whole mailbox stores', async () => {
    const importFrom = async (target: string) => {
      let duplicates = 0;
      const run = importMailbox(await mailboxSourcesAt(target), { batchSize: 2 });
      for await (const batch of run) {
        duplicates += (await storeImportBatch(db, { account: ME, ...batch }, NOW, IDENTITY)).duplicates;
      }
      return { duplicates: duplicates + run.counts.duplicates, imported: run.counts.imported };
    };
    const storedMessages = async () =>
      (await db.messages.orderBy('[account+at]').toArray()).map((m) => [m.at, m.from.email, m.threadId, m.clientRefs]);

    const whole = await importFrom(FOLDERS);
    const once = await storedMessages();
    expect(once).toHaveLength(whole.imported);
    await db.messages.clear();

    await importFrom(path.join(FOLDERS, 'alice/inbox'));
    const afterFolder = await importFrom(FOLDERS);
    expect(await storedMessages()).toEqual(once);
    // Every copy left out is counted, in this import or against the stored one.
    expect(afterFolder.duplicates).toBe(whole.duplicates + 1);
  });

  it('keeps the copy key when Gmail shows an imported message', async () => {
    await storeImportBatch(db, { account: ME, messages: imported }, NOW, IDENTITY);
    await storeConversation(db, conversation, page);
    const stored = await db.messages.orderBy('[account+at]').toArray();
    expect(stored.map((m) => [m.source, m.copyKey])).toEqual([
      ['conversation', '00000000000000a1'],
      ['conversation', '00000000000000b1'],
    ]);
  });

  it.each([
    ['import first, then Gmail shows the conversation', true],
    ['Gmail first, then the import', false],
  ])('one record per message when %s', async (_, importFirst) => {
    if (importFirst) await storeImportBatch(db, { account: ME, messages: imported }, NOW, IDENTITY);
    await storeConversation(db, conversation, page);
    if (!importFirst) await storeImportBatch(db, { account: ME, messages: imported }, NOW, IDENTITY);
    const stored = await db.messages.orderBy('[account+at]').toArray();
    expect(stored).toHaveLength(2);
    // Gmail's id-coded times win over the Date header; the import's snippet is kept.
    expect(stored.map((m) => m.at)).toEqual([firstAt, replyAt]);
    expect(stored[0]?.snippet).toBe('Can we talk about the new pages?');
    const [client] = await recomputeAccount(db, ME, NOW);
    expect(client?.report.metrics.latency.ours.medianMs).toBe(replyAt - firstAt);
  });
});

describe('the imported account', () => {
  beforeEach(() => fakeBrowser.reset());

  it('has no Gmail place until Gmail is opened on it, then links there', async () => {
    await storeImportBatch(db, { account: ME, messages: imported }, NOW, IDENTITY);
    const account = await db.accounts.get(ME);
    expect(account).toEqual({ address: ME, firstSeenAt: NOW, lastSeenAt: NOW, importedAt: NOW, importedMessages: 2 });
    expect(gmailThreadUrl(await accountPathOf(db, ME), thread)).toMatch(
      /^https:\/\/mail\.google\.com\/mail\/u\/0\/#inbox\//,
    );

    await storeConversation(db, conversation, { ...page, accountPath: 'u/2', now: NOW + HOUR });
    expect(await db.accounts.get(ME)).toMatchObject({ accountPath: 'u/2', firstSeenAt: NOW, importedAt: NOW });
    expect(gmailThreadUrl(await accountPathOf(db, ME), thread)).toMatch(/\/mail\/u\/2\/#inbox\//);
    // Importing more later keeps the place Gmail gave it.
    await storeImportBatch(db, { account: ME, messages: imported }, NOW + 2 * HOUR, IDENTITY);
    expect(await db.accounts.get(ME)).toMatchObject({ accountPath: 'u/2', importedAt: NOW + 2 * HOUR });
  });

  it('is watched after an import alone, with when and how much was imported', async () => {
    await storeImportBatch(db, { account: ME, messages: imported }, NOW, IDENTITY);
    expect(await watchedAccounts(db)).toEqual([
      { address: ME, lastSeenAt: NOW, lastView: '', imported: { at: NOW, messages: 2 } },
    ]);

    // Once Gmail shows it, one entry: Gmail's place and the import's facts.
    await recordAccountSeen({ accountPath: 'u/0', address: ME, lastSeenAt: NOW + HOUR, lastView: 'inbox' });
    await recordAccountSeen({ accountPath: 'u/1', address: 'other@brightpath.studio', lastSeenAt: NOW, lastView: '' });
    expect(await watchedAccounts(db)).toEqual([
      {
        accountPath: 'u/0',
        address: ME,
        lastSeenAt: NOW + HOUR,
        lastView: 'inbox',
        imported: { at: NOW, messages: 2 },
      },
      { accountPath: 'u/1', address: 'other@brightpath.studio', lastSeenAt: NOW, lastView: '' },
    ]);
  });

  it('keeps how many messages its imports stored, so the status never counts the mailbox', async () => {
    const [first, second] = imported as [ImportedMailMessage, ImportedMailMessage];
    await storeImportBatch(db, { account: ME, messages: [first] }, NOW, IDENTITY);
    await storeImportBatch(db, { account: ME, messages: [first, second] }, NOW + HOUR, IDENTITY);
    // The same file again adds nothing.
    await storeImportBatch(db, { account: ME, messages: imported }, NOW + 2 * HOUR, IDENTITY);
    expect((await db.accounts.get(ME))?.importedMessages).toBe(2);
    const countMessages = vi.spyOn(db.messages, 'where');
    expect((await watchedAccounts(db))[0]?.imported).toEqual({ at: NOW + 2 * HOUR, messages: 2 });
    expect(countMessages).not.toHaveBeenCalled();
    countMessages.mockRestore();
  });

  it('counts once the messages of an account imported before the count was kept, then keeps it', async () => {
    await storeImportBatch(db, { account: ME, messages: imported.slice(0, 1) }, NOW, IDENTITY);
    await db.accounts.update(ME, { importedMessages: undefined });
    expect((await watchedAccounts(db))[0]?.imported?.messages).toBe(1);
    await storeImportBatch(db, { account: ME, messages: imported }, NOW + HOUR, IDENTITY);
    expect((await db.accounts.get(ME))?.importedMessages).toBe(2);
  });
});

describe('ui/import-batch through the background', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await Dexie.delete(DB_NAME);
    startBackground();
  });

  const send = async (message: unknown, sender: object = { url: fakeBrowser.runtime.getURL('/options.html') }) =>
    (await fakeBrowser.runtime.onMessage.trigger(message, sender))[0];

  it('validates, stores and answers with the counts once stored', async () => {
    const reply = await send({ type: 'ui/import-batch', account: ME, messages: imported });
    expect(reply).toEqual({ added: 2, updated: 0, unchanged: 0, duplicates: 0, clientKeys: ['acme.com'] });
    const shared = openKeepwarmDb();
    expect(await shared.messages.count()).toBe(2);
    shared.close();
  });

  it("refuses a move of a Gmail thread, which Gmail's own messages share, and stores nothing", async () => {
    const reply = await send({
      type: 'ui/import-batch',
      account: ME,
      messages: imported,
      moves: [{ from: thread, to: 't:0123456789abcdef' }],
    });
    expect(reply).toMatchObject({ refused: expect.any(String) });
    const shared = openKeepwarmDb();
    expect(await shared.messages.count()).toBe(0);
    shared.close();
  });

  it('refuses a batch that does not come from an extension page', async () => {
    const reply = await send(
      { type: 'ui/import-batch', account: ME, messages: imported },
      { url: 'https://mail.google.com/mail/u/0/', tab: { id: 3 } },
    );
    expect(reply).toMatchObject({ refused: expect.any(String) });
  });

  it.each([
    ['a message with a body field', { ...imported[0], body: 'the whole mail' }],
    ['an address without @', { ...imported[0], from: { email: 'dana' } }],
    ['a time that is not a number', { ...imported[0], at: 'yesterday' }],
    ['a copy key that is not a content key', { ...imported[0], copyKey: 'inbox copy' }],
  ])('refuses a batch with %s and stores nothing', async (_, bad) => {
    const reply = await send({ type: 'ui/import-batch', account: ME, messages: [imported[1], bad] });
    expect(reply).toMatchObject({ refused: expect.any(String) });
    const shared = openKeepwarmDb();
    expect(await shared.messages.count()).toBe(0);
    shared.close();
  });

  describe('when the page says the import ended', () => {
    // Only the recompute's pauses are faked: IndexedDB's own work runs as it would.
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    /** Lets the background's IndexedDB work run until `done` holds, with no time passing. */
    async function settled(done: () => Promise<boolean>) {
      for (let turn = 0; turn < 5_000; turn += 1) {
        if (await done()) return true;
        await new Promise((resolve) => setImmediate(resolve));
      }
      return false;
    }
    const reported = async () => {
      const shared = openKeepwarmDb();
      const count = await shared.clients.count();
      shared.close();
      return count > 0;
    };

    it("recomputes the import's clients after the usual short pause, not the long one left for more batches", async () => {
      await send({ type: 'ui/import-batch', account: ME, messages: imported });
      expect(await send({ type: 'ui/import-ended', account: ME })).toEqual({ scheduled: true });
      await vi.advanceTimersByTimeAsync(1_500);
      expect(await settled(reported)).toBe(true);
    });

    it('without it, waits for the long pause', async () => {
      await send({ type: 'ui/import-batch', account: ME, messages: imported });
      await vi.advanceTimersByTimeAsync(1_500);
      expect(await settled(async () => false)).toBe(false);
      expect(await reported()).toBe(false);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(await settled(reported)).toBe(true);
    });

    it('refuses it from a page that is not the extension’s own', async () => {
      const reply = await send(
        { type: 'ui/import-ended', account: ME },
        { url: 'https://mail.google.com/mail/u/0/', tab: { id: 3 } },
      );
      expect(reply).toMatchObject({ refused: expect.any(String) });
    });
  });
});
