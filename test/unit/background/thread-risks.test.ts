import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setClientOverride, setSplitAddress } from '@/lib/background/client-overrides';
import { storeConversation, storeThreadRows } from '@/lib/background/gmail-observations';
import { recomputeAccount } from '@/lib/background/recompute';
import { createRouter, type Handlers } from '@/lib/background/router';
import { threadRisks } from '@/lib/background/thread-risks';
import { createTranslator } from '@/lib/i18n/translate';
import { replySchemas } from '@/lib/messaging/schemas';
import type { ConversationRecord, Participant, ThreadRowRecord } from '@/lib/sites/gmail/records';
import { type KeepwarmDb, openKeepwarmDb } from '@/lib/store/db';
import { gmailPage } from './gmail-page';

const ME = 'olena@brightpath.studio';
const NOW = Date.UTC(2026, 10, 20, 12);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const id = (at: number, n: number) => ((BigInt(at) << 20n) | BigInt(n)).toString(10);
const me: Participant = { email: ME, name: 'Olena', isMe: true };
const person = (email: string, name = email.split('@')[0] ?? ''): Participant => ({ email, name, isMe: false });
const en = createTranslator('en');

const page = gmailPage(ME, NOW);

/** `who` wrote to the user `daysAgo`, and the user answered an hour later unless `unanswered`. */
function conversation(who: Participant, daysAgo: number, n: number, unanswered = false): ConversationRecord {
  const at = NOW - daysAgo * DAY;
  const messages: ConversationRecord['messages'] = [
    { messageId: id(at, n), from: who, to: [me], at, timeSource: 'id', state: 'collapsed' },
  ];
  if (!unanswered) {
    messages.push({
      messageId: id(at + HOUR, n + 1),
      from: me,
      to: [who],
      at: at + HOUR,
      timeSource: 'id',
      state: 'expanded',
    });
  }
  return { threadId: id(at, n), subject: `Project ${n}`, foldedCount: 0, messages };
}

function row(threadId: string, people: Participant[], daysAgo = 1): ThreadRowRecord {
  return {
    threadId,
    subject: 'Subject',
    snippet: '',
    participants: [...people, me],
    unread: false,
    messageCount: 2,
    hasDraft: false,
    lastActivityAt: NOW - daysAgo * DAY,
    timeSource: 'id',
  };
}

const acme = person('ana@acme.example', 'Ana Acme');
const globex = person('bo@globex.example');
const colleague = person('max@brightpath.studio');
const newsletter = person('news@mail.figma.com');

let db: KeepwarmDb;
let dbName = 0;
beforeEach(async () => {
  dbName += 1;
  db = openKeepwarmDb(`thread-risks-${dbName}`);
  // Acme: a steady client for months, then a message left unanswered for days. Globex: healthy.
  for (let i = 0; i < 8; i++) {
    await storeConversation(db, conversation(acme, 120 - i * 14, 10 + i * 2), page);
    await storeConversation(db, conversation(globex, 100 - i * 12, 40 + i * 2), page);
  }
  await storeConversation(db, conversation(acme, 4, 90, true), page);
  await recomputeAccount(db, ME, NOW);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(`thread-risks-${dbName}`);
});

const acmeThread = () => id(NOW - 4 * DAY, 90);

describe('thread risks for Gmail badges', () => {
  it('answers each client thread with its client, level, score and reasons, and nothing for others', async () => {
    await storeThreadRows(
      db,
      [row('111', [colleague]), row('222', [newsletter]), row(acmeThread(), [acme]), row('333', [globex])],
      page,
    );
    const reply = await threadRisks(db, ME, ['111', '222', acmeThread(), '333', '444'], en);
    expect(() => replySchemas['content/get-thread-risks'].parse(reply)).not.toThrow();
    expect(reply.threads.map((t) => t.threadId).sort()).toEqual([acmeThread(), '333'].sort());
    const acmeRisk = reply.threads.find((t) => t.threadId === acmeThread());
    const stored = await db.clients.get([ME, 'acme.example']);
    expect(acmeRisk).toMatchObject({ clientKey: 'acme.example', level: stored?.report.risk.level });
    expect(acmeRisk?.score).toBe(Math.round(stored?.report.risk.score ?? -1));
    expect(acmeRisk?.reasons.map((r) => r.kind)).toEqual(stored?.report.risk.reasons.slice(0, 3).map((r) => r.kind));
    expect(acmeRisk?.reasons.some((r) => r.kind === 'waiting_on_us')).toBe(true);
    expect(acmeRisk?.label).toContain(acmeRisk?.name);
    expect(reply.openHint).toMatch(/Keepwarm/);
  });

  it('marks a reason to act now beside the level, with its reason, whatever the chance', async () => {
    await storeThreadRows(db, [row(acmeThread(), [acme]), row('333', [globex])], page);
    const reply = await threadRisks(db, ME, [acmeThread(), '333'], en);
    expect(() => replySchemas['content/get-thread-risks'].parse(reply)).not.toThrow();
    const acmeRisk = reply.threads.find((t) => t.threadId === acmeThread());
    expect(acmeRisk?.urgent).toMatchObject({ kind: 'waiting_on_us', word: 'waiting' });
    expect(acmeRisk?.urgent?.text).toMatch(/^waiting 4 days for your reply/);
    expect(acmeRisk?.label).toContain(`Act now, whatever the chance: ${acmeRisk?.urgent?.text}.`);
    expect(reply.threads.find((t) => t.threadId === '333')?.urgent).toBeUndefined();
    const [uk] = (await threadRisks(db, ME, [acmeThread()], createTranslator('uk'))).threads;
    expect(uk?.urgent?.word).toBe('чекає');
    expect(uk?.label).toContain('Дійте зараз');
  });

  it('speaks the chosen language', async () => {
    await storeThreadRows(db, [row(acmeThread(), [acme])], page);
    const [uk] = (await threadRisks(db, ME, [acmeThread()], createTranslator('uk'))).threads;
    expect(uk?.levelText).toMatch(/[а-яіїє]/i);
    expect(uk?.reasons[0]?.text).toMatch(/[а-яіїє]/i);
  });

  it('follows the user: an ignored client has no badge, a split-out person has their own', async () => {
    await storeThreadRows(db, [row(acmeThread(), [acme]), row('333', [globex])], page);
    await setClientOverride(db, ME, 'globex.example', { ignore: true }, NOW);
    await setSplitAddress(db, ME, acme.email, true, NOW);
    await recomputeAccount(db, ME, NOW);
    const reply = await threadRisks(db, ME, [acmeThread(), '333'], en);
    expect(reply.threads.map((t) => [t.threadId, t.clientKey])).toEqual([[acmeThread(), acme.email]]);
  });

  it('lets the riskiest client speak for a thread with several', async () => {
    await storeThreadRows(db, [row('555', [globex, acme])], page);
    const [risk] = (await threadRisks(db, ME, ['555'], en)).threads;
    const scores = await db.clients.bulkGet([
      [ME, 'acme.example'],
      [ME, 'globex.example'],
    ]);
    const riskiest = scores.sort((a, b) => (b?.riskScore ?? 0) - (a?.riskScore ?? 0))[0];
    expect(risk?.clientKey).toBe(riskiest?.key);
  });

  it('keeps names and reasons as text, shortened and without markup surprises', async () => {
    const hostile = person('x.hostile@gmail.com', `<img src=x onerror=alert(1)>\u202Egnp.exe${'A'.repeat(10_000)}`);
    await storeConversation(db, conversation(hostile, 3, 200, true), page);
    await recomputeAccount(db, ME, NOW);
    await storeThreadRows(db, [row(id(NOW - 3 * DAY, 200), [hostile])], page);
    const [risk] = (await threadRisks(db, ME, [id(NOW - 3 * DAY, 200)], en)).threads;
    expect(risk?.name.length).toBeLessThanOrEqual(120);
    expect(risk?.name.startsWith('<img')).toBe(true);
    expect(risk?.label).toContain(`\u2068${risk?.name}\u2069`);
  });
});

describe('the get-thread-risks message', () => {
  const router = createRouter(
    { 'content/get-thread-risks': async () => ({ threads: [], openHint: '' }) } as Partial<Handlers> as Handlers,
    'chrome-extension://keepwarm/',
  );
  const gmailTab = { url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 7 } };

  it.each([
    ['too many threads', { threadIds: Array.from({ length: 501 }, (_, i) => String(i)) }],
    ['a thread id that is not Gmail’s', { threadIds: ['<script>'] }],
    ['no account address', { account: 'me' }],
  ])('is refused with %s', async (_, change) => {
    const reply = await router.route(
      { type: 'content/get-thread-risks', account: ME, threadIds: ['1'], ...change },
      gmailTab,
    );
    expect(reply).toEqual({ refused: expect.any(String) });
  });

  it('passes with an account and page-sized list of ids', async () => {
    const ids = Array.from({ length: 500 }, (_, i) => String(i + 1));
    await expect(
      router.route({ type: 'content/get-thread-risks', account: ME, threadIds: ids }, gmailTab),
    ).resolves.toEqual({
      threads: [],
      openHint: '',
    });
  });
});
