import { describe, expect, it } from 'vitest';
import type { MailMessage } from '@/lib/engine/types';
import type { KeepwarmDb } from '@/lib/store/db';
import { datedMessageId, ingestMessages, type MessageObservation } from '@/lib/store/ingest';
import { freshDbPerTest } from './fresh-db';

// Senders inferred from Gmail list rows meet the same messages read exactly
// (a conversation, an import): one record each, the exact sender winning, in
// whichever order they arrive. Messages made up for the test.

const ACCOUNT = 'olena@brightpath.studio';
const MINUTE = 60_000;
const THREAD = '1800000000000000001';
const clientRefsOf = (m: MailMessage) =>
  [m.from, ...m.to]
    .map((a) => a.email.split('@')[1] ?? '')
    .filter((d) => d && d !== 'brightpath.studio')
    .map((d) => `${ACCOUNT}|${d}`);

const ivan = { email: 'ivan@acme.com.ua', name: 'Ivan' };
const me = { email: ACCOUNT, name: 'me' };
const minute = Date.UTC(2026, 10, 2, 9, 30);
const exactAt = minute + 23_417;

/** Ivan's message as an opened conversation shows it. */
function exact(overrides: Partial<MessageObservation> = {}): MessageObservation {
  return {
    id: '1800000000000000007',
    threadId: THREAD,
    at: exactAt,
    from: ivan,
    to: [me, { email: 'petro@acme.com.ua' }],
    cc: [],
    subject: 'Invoice',
    snippet: 'Please find attached',
    source: 'conversation',
    senderKnown: true,
    timeExact: true,
    ...overrides,
  };
}

/** The same message as a list row infers it: sender, the user as recipient, the evidence. */
const inferred = (overrides: Partial<MessageObservation> = {}) =>
  exact({ source: 'list', to: [me], snippet: '', senderEvidence: 'newest-in-inbox-row', ...overrides });

/** The same message named by a row's date title: its thread and minute, no id. */
const dated = (overrides: Partial<MessageObservation> = {}) =>
  inferred({
    id: datedMessageId(THREAD, minute),
    at: minute,
    timeExact: false,
    senderEvidence: 'shown-date-row',
    ...overrides,
  });

let db: KeepwarmDb;
freshDbPerTest('ingest-inferred', (fresh) => {
  db = fresh;
});

async function storeInOrder(...sightings: MessageObservation[]) {
  await db.messages.clear();
  for (const seen of sightings) await ingestMessages(db, ACCOUNT, [seen], clientRefsOf);
  return db.messages.toArray();
}

describe('inferred senders meet exact ones', () => {
  it('an exact sighting replaces an inferred sender with the same id, in either order', async () => {
    for (const order of [
      [inferred(), exact()],
      [exact(), inferred()],
    ]) {
      const stored = await storeInOrder(...order);
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({
        id: exact().id,
        source: 'conversation',
        senderKnown: true,
        from: ivan,
        at: exactAt,
      });
      expect(stored[0]?.senderEvidence).toBeUndefined();
      expect(stored[0]?.to).toEqual(exact().to);
    }
  });

  it('an inference the exact sighting contradicts goes whole: sender, recipients and clients', async () => {
    const wrong = inferred({ from: { email: 'raj@globex.io' }, to: [me] });
    for (const order of [
      [wrong, exact({ from: me, to: [ivan] })],
      [exact({ from: me, to: [ivan] }), wrong],
    ]) {
      const [stored] = await storeInOrder(...order);
      expect(stored?.from).toEqual(me);
      expect(stored?.to).toEqual([ivan]);
      expect(stored?.clientRefs).toEqual([`${ACCOUNT}|acme.com.ua`]);
    }
  });

  it('an inferred sender outranks an unknown one from another list, and keeps its evidence', async () => {
    const unknown = inferred({ from: { email: '' }, senderKnown: false, senderEvidence: undefined, to: [ivan] });
    for (const order of [
      [unknown, inferred()],
      [inferred(), unknown],
    ]) {
      const stored = await storeInOrder(...order);
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({
        from: ivan,
        to: [me],
        senderKnown: true,
        senderEvidence: 'newest-in-inbox-row',
      });
    }
  });

  it('a dated message and its exact sighting in that minute are one, under the Gmail id, in either order', async () => {
    for (const order of [
      [dated(), exact()],
      [exact(), dated()],
    ]) {
      const stored = await storeInOrder(...order);
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ id: exact().id, at: exactAt, from: ivan, source: 'conversation' });
      expect(stored[0]?.senderEvidence).toBeUndefined();
    }
  });

  it('a dated message meets an imported copy too, and the import’s Message-ID replaces the dated key', async () => {
    const imported = exact({ id: '<abc@acme.com.ua>', source: 'import', at: minute + 41_000, timeExact: false });
    for (const order of [
      [dated(), imported],
      [imported, dated()],
    ]) {
      const stored = await storeInOrder(...order);
      expect(stored.map((m) => m.id)).toEqual(['<abc@acme.com.ua>']);
    }
  });

  it('a dated message stays apart from another sender’s message, or one of another minute', async () => {
    expect(await storeInOrder(dated(), exact({ from: { email: 'raj@globex.io' } }))).toHaveLength(2);
    expect(await storeInOrder(dated(), exact({ at: minute + MINUTE + 5000 }))).toHaveLength(2);
    expect(await storeInOrder(exact({ at: minute - 5000 }), dated())).toHaveLength(2);
  });

  it('a message first listed without a sender takes in its dated copy once read exactly', async () => {
    const unknown = exact({ source: 'list', from: { email: '' }, senderKnown: false, to: [ivan] });
    const result = await ingestMessages(db, ACCOUNT, [unknown, dated()], clientRefsOf);
    expect(result.added).toBe(2);
    const read = await ingestMessages(db, ACCOUNT, [exact()], clientRefsOf);
    expect([...read.touchedClientRefs]).toEqual([`${ACCOUNT}|acme.com.ua`]);
    const stored = await db.messages.toArray();
    expect(stored.map((m) => [m.id, m.from.email])).toEqual([[exact().id, ivan.email]]);
  });

  it('the same dated message seen again, in one batch or two, is stored once', async () => {
    await ingestMessages(db, ACCOUNT, [dated(), dated()], clientRefsOf);
    const again = await ingestMessages(db, ACCOUNT, [dated()], clientRefsOf);
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 1 });
    expect(await db.messages.count()).toBe(1);
    // And in one batch with its exact sighting, before or after it.
    await ingestMessages(db, ACCOUNT, [exact(), dated()], clientRefsOf);
    expect((await db.messages.toArray()).map((m) => m.id)).toEqual([exact().id]);
  });

  it('a category’s bulk mark stays when an exact sighting replaces the inferred sender', async () => {
    const bulk = { kind: 'gmail-category', category: 'promotions' } as const;
    for (const order of [
      [inferred({ bulk }), exact()],
      [exact(), inferred({ bulk })],
    ]) {
      const [stored] = await storeInOrder(...order);
      expect(stored?.bulk).toEqual(bulk);
    }
  });
});
