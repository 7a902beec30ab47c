import { describe, expect, it } from 'vitest';
import type { MailMessage } from '@/lib/engine/types';
import type { KeepwarmDb } from '@/lib/store/db';
import { ingestMessages, type MessageObservation } from '@/lib/store/ingest';
import { freshDbPerTest } from './fresh-db';

const ACCOUNT = 'olena@brightpath.studio';
const clientRefsOf = (m: MailMessage) =>
  [m.from, ...m.to]
    .map((a) => a.email.split('@')[1] ?? '')
    .filter((d) => d && d !== 'brightpath.studio')
    .map((d) => `${ACCOUNT}|${d}`);

function observation(overrides: Partial<MessageObservation> = {}): MessageObservation {
  return {
    id: '1800000000000000001',
    threadId: '1800000000000000001',
    at: Date.UTC(2026, 10, 2, 9, 30),
    from: { email: 'ivan@acme.com.ua', name: 'Ivan' },
    to: [{ email: ACCOUNT, name: 'me' }],
    cc: [],
    subject: 'Invoice',
    snippet: 'Please find attached',
    source: 'conversation',
    senderKnown: true,
    timeExact: true,
    ...overrides,
  };
}

let db: KeepwarmDb;
freshDbPerTest('ingest-test', (fresh) => {
  db = fresh;
});

describe('ingestMessages', () => {
  it('stores a message once however often it is seen', async () => {
    const first = await ingestMessages(db, ACCOUNT, [observation(), observation()], clientRefsOf);
    expect(first.added).toBe(1);
    const again = await ingestMessages(db, ACCOUNT, [observation()], clientRefsOf);
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 1 });
    expect(again.touchedClientRefs.size).toBe(0);
    expect(await db.messages.count()).toBe(1);
  });

  it('merges a list row sighting with the conversation, in either order', async () => {
    const row = observation({
      source: 'list',
      senderKnown: false,
      from: { email: '' },
      to: [],
      snippet: '',
    });
    for (const order of [
      [row, observation()],
      [observation(), row],
    ]) {
      await db.messages.clear();
      for (const seen of order) await ingestMessages(db, ACCOUNT, [seen], clientRefsOf);
      const stored = await db.messages.toArray();
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({
        source: 'conversation',
        senderKnown: true,
        from: { email: 'ivan@acme.com.ua' },
      });
    }
  });

  it('matches an imported copy to the page copy by thread, sender and time, not by id', async () => {
    await ingestMessages(db, ACCOUNT, [observation()], clientRefsOf);
    const imported = observation({
      id: '<abc@acme.com.ua>',
      source: 'import',
      timeExact: false,
      at: observation().at + 40_000,
      cc: [{ email: 'petro@acme.com.ua', name: 'Petro' }],
    });
    const result = await ingestMessages(db, ACCOUNT, [imported], clientRefsOf);
    expect(result.updated).toBe(1);
    const stored = await db.messages.toArray();
    expect(stored).toHaveLength(1);
    // The page's exact time and id stay; the import adds the CC it knew.
    expect(stored[0]?.at).toBe(observation().at);
    expect(stored[0]?.id).toBe(observation().id);
    expect(stored[0]?.cc.map((a) => a.email)).toEqual(['petro@acme.com.ua']);
  });

  it('keeps two different messages of one thread apart', async () => {
    const reply = observation({
      id: '1800000000000000002',
      at: observation().at + 3_600_000,
      from: { email: ACCOUNT, name: 'me' },
      to: [{ email: 'ivan@acme.com.ua' }],
    });
    const result = await ingestMessages(db, ACCOUNT, [reply, observation()], clientRefsOf);
    expect(result.added).toBe(2);
    expect([...result.touchedClientRefs]).toEqual([`${ACCOUNT}|acme.com.ua`]);
  });

  it('keeps accounts apart', async () => {
    await ingestMessages(db, ACCOUNT, [observation()], clientRefsOf);
    await ingestMessages(db, 'other@gmail.com', [observation()], clientRefsOf);
    expect(await db.messages.count()).toBe(2);
  });
});
