import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { recordAccountSeen } from '@/lib/background/account-registry';
import { recomputeAccount, recomputeClients } from '@/lib/background/recompute';
import { startBackground } from '@/lib/background/start';
import { threadRisks } from '@/lib/background/thread-risks';
import { createTranslator } from '@/lib/i18n/translate';
import type { ImportedMailMessage } from '@/lib/mail-import/mailbox-batches';
import { DB_NAME, openKeepwarmDb } from '@/lib/store/db';
import { DAY, HOUR, ME, NOW } from './exchange';

// A vendor's notices and a client's people, imported through the background:
// the vendor is set aside and listed, a click includes it, and a content script
// cannot.

const at = Date.now() - 3 * DAY;
let n = 0;
function message(from: string, to: string, offset: number, threadId: string): ImportedMailMessage {
  n += 1;
  return {
    id: `m${n}@example`,
    threadId,
    at: at + offset,
    from: { email: from },
    to: [{ email: to }],
    cc: [],
    subject: 'Subject',
    snippet: '',
    copyKey: n.toString(16).padStart(16, '0'),
  };
}

const mailbox = [
  message('renewals@vendor.example', ME, 0, 't:0000000000000001'),
  message(ME, 'renewals@vendor.example', HOUR, 't:0000000000000001'),
  message('noreply@vendor.example', ME, 2 * HOUR, 't:0000000000000002'),
  message('dana@client.example', ME, 0, 't:0000000000000003'),
  message('notifications@client.example', ME, 3 * HOUR, 't:0000000000000004'),
];

describe('clients set aside, through the background', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await Dexie.delete(DB_NAME);
    startBackground();
  });

  const fromOptions = { url: fakeBrowser.runtime.getURL('/options.html') };
  const send = async (message: unknown, sender: object = fromOptions) =>
    (await fakeBrowser.runtime.onMessage.trigger(message, sender))[0];

  async function importAndRecompute() {
    await send({ type: 'ui/import-batch', account: ME, messages: mailbox });
    const db = openKeepwarmDb();
    await recomputeAccount(db, ME, Date.now());
    return db;
  }

  it('stores the vendor as set aside, with each sender and why, and keeps the client with people', async () => {
    const db = await importAndRecompute();
    expect((await db.clients.toArray()).map((c) => c.key)).toEqual(['client.example']);
    const [vendor, ...others] = await db.setAside.toArray();
    expect(others).toEqual([]);
    expect(vendor).toMatchObject({ account: ME, key: 'vendor.example', messages: 3, senderCount: 2 });
    expect(vendor?.senders.map((s) => [s.address, s.signal])).toEqual([
      ['noreply@vendor.example', { kind: 'machine', word: 'noreply' }],
      ['renewals@vendor.example', { kind: 'role', word: 'renewals' }],
    ]);
  });

  it('updates the list one client at a time: a new vendor joins it, a vendor the user now corresponds with leaves it', async () => {
    const db = await importAndRecompute();
    const later = [
      message('billing@other-vendor.example', ME, 4 * HOUR, 't:0000000000000005'),
      message(ME, 'noreply@vendor.example', 5 * HOUR, 't:0000000000000006'),
      message(ME, 'renewals@vendor.example', 5 * HOUR, 't:0000000000000007'),
      message('renewals@vendor.example', ME, 6 * HOUR, 't:0000000000000007'),
    ];
    await send({ type: 'ui/import-batch', account: ME, messages: later });
    const refs = new Set([`${ME}|other-vendor.example`, `${ME}|vendor.example`]);
    expect(await recomputeClients(db, ME, refs, Date.now())).toBe('incremental');
    expect((await db.setAside.toArray()).map((c) => c.key)).toEqual(['other-vendor.example']);
    const vendor = await db.clients.get([ME, 'vendor.example']);
    // Its renewals@ answered the user: a client now, its no-reply still counting for nothing.
    expect(vendor?.report.addresses).toEqual(['renewals@vendor.example']);
  });

  it('gives no badge to a thread of a client’s notices alone, and the client’s badge to its people’s', async () => {
    const db = await importAndRecompute();
    const threads = ['t:0000000000000003', 't:0000000000000004', 't:0000000000000001'];
    for (const threadId of threads) {
      const participants = mailbox.filter((m) => m.threadId === threadId).map((m) => m.from);
      const ref = threadId.endsWith('1') ? `${ME}|vendor.example` : `${ME}|client.example`;
      await db.threads.put({
        account: ME,
        threadId,
        subject: '',
        snippet: '',
        lastActivityAt: at,
        participants,
        unread: false,
        messageCount: 1,
        hasDraft: false,
        clientRefs: [ref],
        seenAt: at,
      });
    }
    const { threads: badges } = await threadRisks(db, ME, threads, createTranslator('en'));
    expect(badges.map((b) => [b.threadId, b.clientKey])).toEqual([['t:0000000000000003', 'client.example']]);
  });

  it('makes the vendor a client on the user’s click, and lists it no more', async () => {
    const db = await importAndRecompute();
    expect(
      await send({
        type: 'ui/set-client-override',
        account: ME,
        clientKey: 'vendor.example',
        override: { include: true },
      }),
    ).toEqual({ saved: true });
    expect(await db.clientOverrides.get([ME, 'vendor.example'])).toMatchObject({ include: true });
    expect((await db.clients.toArray()).map((c) => c.key).sort()).toEqual(['client.example', 'vendor.example']);
    expect(await db.setAside.count()).toBe(0);
    // Taking it back sets it aside again.
    await send({
      type: 'ui/set-client-override',
      account: ME,
      clientKey: 'vendor.example',
      override: { include: null },
    });
    expect((await db.setAside.toArray()).map((c) => c.key)).toEqual(['vendor.example']);
  });

  it('refuses the correction from a content script, and from a page, changing nothing', async () => {
    const db = await importAndRecompute();
    await recordAccountSeen({ accountPath: 'u/0', address: ME, lastSeenAt: NOW, lastView: '' });
    const include = {
      type: 'ui/set-client-override',
      account: ME,
      clientKey: 'vendor.example',
      override: { include: true },
    };
    const fromGmail = {
      url: 'https://mail.google.com/mail/u/0/',
      tab: { id: 4, url: 'https://mail.google.com/mail/u/0/' },
    };
    expect(await send(include, fromGmail)).toMatchObject({ refused: expect.stringMatching(/own pages/) });
    expect(await send({ ...include, override: { include: 'yes' } })).toMatchObject({ refused: expect.any(String) });
    expect(await db.clientOverrides.count()).toBe(0);
    expect((await db.setAside.toArray()).map((c) => c.key)).toEqual(['vendor.example']);
  });
});
