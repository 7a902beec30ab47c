import { describe, expect, it } from 'vitest';
import { threadRowSchema } from '@/lib/sites/gmail/schemas';
import { extractThreadList, rowFingerprint } from '@/lib/sites/gmail/thread-rows';
import { parseTitleTime } from '@/lib/sites/gmail/title-time';
import { DEMO_ME, DEMO_NOW, demoMailbox, loadFixture, parseHtml } from './fixtures';

const ctx = (me: string, timeZone: string, now = DEMO_NOW) => ({
  myAddresses: [me],
  now,
  parseTitleTime: (title: string) => parseTitleTime(title, { timeZone, now }),
});

describe('thread rows', () => {
  const real = loadFixture('real-2014-list');
  it.skipIf(!real)('read the real 2014 inbox: participants, me, subjects, title times, unread', () => {
    const { threads, health } = extractThreadList(
      real as Document,
      ctx('streak.web.test.1@gmail.com', 'America/Los_Angeles', Date.UTC(2015, 0, 1)),
    );
    // The capture repeats one row (":42-dup"); without ids the two cannot be told apart, so both are kept.
    expect(threads).toHaveLength(16);
    expect(threads.filter((t) => t.unread)).toHaveLength(13);
    expect(threads.every((t) => t.participants.length > 0 && t.subject.length > 0)).toBe(true);
    expect(threads.some((t) => t.participants.some((p) => p.isMe && p.name === 'me'))).toBe(true);
    expect(threads.every((t) => t.timeSource === 'title')).toBe(true);
    // "Thu, Dec 18, 2014 at 12:35 PM" Pacific is 20:35 UTC.
    expect(threads.map((t) => t.lastActivityAt)).toContain(Date.UTC(2014, 11, 18, 20, 35));
    // Every thread of this capture is a single message (no count, no "(n)").
    expect(threads.every((t) => t.messageCount === 1)).toBe(true);
    // 2014 Gmail had no id attributes: honest health says the rows cannot be keyed.
    expect(health.failures.threadId).toBe(16);
    expect(health.healthy).toBe(false);
    for (const t of threads) expect(threadRowSchema.safeParse(t).success).toBe(true);
  });

  const preview = loadFixture('real-2014-preview');
  it.skipIf(!preview)('read vertical preview-pane rows that span several tr', () => {
    const doc = preview as Document;
    // The capture has no [gh=tl] wrapper; read its tables as lists.
    for (const table of doc.querySelectorAll('table')) table.setAttribute('gh', 'tl');
    const { threads } = extractThreadList(doc, ctx('cowan@streak.com', 'America/Los_Angeles', Date.UTC(2015, 1, 1)));
    expect(threads).toHaveLength(3);
    expect(threads[1]?.subject).toBe('test merge again');
    expect(threads[1]?.snippet).toMatch(/^4 On Thu, Dec 4, 2014/);
    expect(threads[0]?.messageCount).toBe(15);
    expect(threads[1]?.participants).toEqual([{ email: 'cowan@streak.com', name: 'me', isMe: true }]);
  });

  it('read the demo inbox exactly: ids, exact times from ids, counts, drafts', () => {
    const { threads, health } = extractThreadList(loadFixture('demo-inbox') as Document, ctx(DEMO_ME, 'Europe/Kyiv'));
    expect(health.healthy).toBe(true);
    expect(threads).toHaveLength(50);
    const byId = new Map(demoMailbox.accounts[0]?.threads.map((t) => [t.id, t]));
    for (const row of threads) {
      const truth = byId.get(row.threadId ?? '');
      expect(truth).toBeDefined();
      expect(row.legacyThreadId).toBe(truth?.hex);
      expect(row.lastActivityAt).toBe(truth?.messages.at(-1)?.at);
      expect(row.timeSource).toBe('id');
      expect(row.messageCount).toBe(truth?.messages.length);
      expect(row.hasDraft).toBe(Boolean(truth?.draft));
      expect(row.unread).toBe(Boolean(truth?.messages.some((m) => m.unread)));
      expect(threadRowSchema.safeParse(row).success).toBe(true);
    }
  });

  it('vertical layout and a Ukrainian UI read the same records as the default', () => {
    const base = extractThreadList(loadFixture('demo-inbox') as Document, ctx(DEMO_ME, 'Europe/Kyiv')).threads;
    const vertical = extractThreadList(
      loadFixture('demo-inbox-vertical') as Document,
      ctx(DEMO_ME, 'Europe/Kyiv'),
    ).threads;
    const ukrainian = extractThreadList(loadFixture('demo-inbox-uk') as Document, ctx(DEMO_ME, 'Europe/Kyiv')).threads;
    const strip = (rows: typeof base) => rows.map(({ dateTitle, snippet, participants, ...rest }) => rest);
    expect(strip(vertical)).toEqual(strip(base));
    expect(strip(ukrainian)).toEqual(strip(base));
    expect(ukrainian.flatMap((t) => t.participants).find((p) => p.isMe)?.name).toBe('я');
  });

  it('read our current-Gmail fixture with its oddities, honestly', () => {
    const { threads, health } = extractThreadList(
      loadFixture('current-inbox') as Document,
      ctx(DEMO_ME, 'America/New_York'),
    );
    // The Promotions ad and the bundle row are not threads.
    expect(threads).toHaveLength(6);
    const [first, second, third, fourth, fifth, sixth] = threads;
    expect(first).toMatchObject({ messageCount: 3, unread: true, lastActivityAt: Date.UTC(2026, 10, 19, 14, 2) });
    // `#thread-f:<id>|msg-f:<id>`: the part before "|" is the thread.
    expect(second?.threadId).toMatch(/^\d+$/);
    expect(second?.participants[0]).toMatchObject({ email: "o'brien+billing@north-wind.co.uk", isMe: false });
    expect(second?.subject).toBe('Invoice #4411 <b>bold</b>');
    expect(third).toMatchObject({ hasDraft: true, messageCount: 2 });
    expect(third?.participants.find((p) => !p.isMe)?.name).toBe('<img src=x onerror=alert(1)>');
    // "undefined" id falls back to the legacy hex id; an unreadable last-message id gives a title time.
    expect(fourth?.threadId).toBeDefined();
    expect(fourth?.timeSource).toBe('title');
    expect(fifth?.messageCount).toBe(12);
    // A row without ids, an invalid address and an unreadable date: kept, and counted as failures.
    expect(sixth?.threadId).toBeUndefined();
    expect(sixth?.participants).toEqual([]);
    expect(sixth?.lastActivityAt).toBeUndefined();
    expect(health).toMatchObject({ seen: 6, parsed: 5, failures: { threadId: 1, participants: 1, time: 1 } });
    expect(health.healthy).toBe(false);
  });

  it('read our vertical preview-pane fixture: one record per thread across two or three rows', () => {
    const { threads, health } = extractThreadList(
      loadFixture('current-inbox-vertical') as Document,
      ctx(DEMO_ME, 'Europe/London'),
    );
    expect(health).toMatchObject({ seen: 4, parsed: 4, healthy: true });
    expect(threads.map((t) => t.subject)).toEqual([
      'Website refresh: next steps',
      'Quote for the Q1 campaign',
      'Stone samples',
      'Logo sketches',
    ]);
    const [first, second, third, fourth] = threads;
    expect(first).toMatchObject({
      threadId: '1880831714918400002',
      legacyThreadId: '1a1a0e7aca000002',
      unread: true,
      messageCount: 3,
      hasDraft: false,
      lastActivityAt: Date.UTC(2026, 10, 19, 16, 2),
      timeSource: 'id',
      snippet: 'Thanks, this looks great. Can we talk on Monday?',
    });
    expect(first?.participants.map((p) => [p.email, p.isMe])).toEqual([
      ['dana@acmelogistics.com', false],
      [DEMO_ME, true],
    ]);
    expect(second).toMatchObject({ unread: false, messageCount: 2, hasDraft: true });
    // No last-message id: the en-GB title, in British Summer Time, dates it.
    expect(third).toMatchObject({ timeSource: 'title', lastActivityAt: Date.UTC(2026, 9, 20, 7), snippet: '' });
    expect(fourth?.participants[0]?.name).toBe('<b onclick="x()">Kateryna</b>');
    for (const t of threads) expect(threadRowSchema.safeParse(t).success).toBe(true);
  });

  it('read our Russian-UI fixture: "я" is me by address, Cyrillic titles, standalone drafts skipped', () => {
    const doc = loadFixture('current-inbox-ru') as Document;
    const { threads, health } = extractThreadList(doc, {
      myAddresses: [DEMO_ME],
      now: DEMO_NOW,
      parseTitleTime: (title: string) =>
        parseTitleTime(title, { timeZone: 'Europe/Moscow', now: DEMO_NOW, language: doc.documentElement.lang }),
    });
    expect(health).toMatchObject({ seen: 3, parsed: 3, healthy: true });
    expect(threads).toHaveLength(3);
    const [first, second, third] = threads;
    expect(first?.participants).toEqual([
      { email: 'пётр@почта.рф', name: 'Пётр Иванов', isMe: false },
      { email: DEMO_ME, name: 'я', isMe: true },
    ]);
    expect(first).toMatchObject({ unread: true, messageCount: 5, lastActivityAt: Date.UTC(2026, 10, 20, 9, 5) });
    expect(second).toMatchObject({ hasDraft: true, messageCount: 2, subject: 'Фотосессия в декабре' });
    expect(third).toMatchObject({ timeSource: 'title', lastActivityAt: Date.UTC(2026, 1, 5, 6, 15) });
    for (const t of threads) expect(threadRowSchema.safeParse(t).success).toBe(true);
  });

  it('without a title parser (the content script), keeps the title for the background', () => {
    const { threads, health } = extractThreadList(loadFixture('current-inbox') as Document, {
      myAddresses: [DEMO_ME],
      now: DEMO_NOW,
    });
    expect(threads[3]?.lastActivityAt).toBeUndefined();
    expect(threads[3]?.dateTitle).toBe('Tue, Sep 1, 2026, 2:00 PM');
    expect(health.failures.time).toBeUndefined();
  });

  it('fingerprints change only when what the row shows changes', () => {
    const doc = loadFixture('demo-inbox') as Document;
    const row = doc.querySelector('tr.zA[id]') as Element;
    const before = rowFingerprint(row);
    expect(rowFingerprint(row)).toBe(before);
    row.classList.replace(row.classList.contains('zE') ? 'zE' : 'yO', row.classList.contains('zE') ? 'yO' : 'zE');
    expect(rowFingerprint(row)).not.toBe(before);
  });

  it('fingerprints a vertical row by the ids in its continuation row', () => {
    const doc = loadFixture('current-inbox-vertical') as Document;
    const row = doc.querySelector('tr.zA[id]') as Element;
    const before = rowFingerprint(row);
    doc.querySelector('[data-legacy-last-message-id]')?.setAttribute('data-legacy-last-message-id', '1a1f48b1cc0000ff');
    expect(rowFingerprint(row)).not.toBe(before);
  });

  it('reports a page with no thread list as unhealthy instead of reading nothing silently', () => {
    const { threads, health } = extractThreadList(
      parseHtml('<div role="main">Something new</div>'),
      ctx(DEMO_ME, 'UTC'),
    );
    expect(threads).toEqual([]);
    expect(health).toMatchObject({ healthy: false, missing: ['threadList'] });
  });

  it('reads a 1,000-row page, one record per distinct thread', () => {
    const doc = loadFixture('demo-inbox') as Document;
    const tbody = doc.querySelector('[gh=tl] tbody') as Element;
    const rows = [...tbody.children];
    for (let copy = 1; copy < 20; copy++) {
      for (const row of rows) {
        const clone = row.cloneNode(true) as Element;
        clone.id = `${row.id}-${copy}`;
        const ids = clone.querySelector('[data-thread-id]');
        const thread = BigInt(ids?.getAttribute('data-thread-id')?.replace('#thread-f:', '') ?? '0') + BigInt(copy);
        ids?.setAttribute('data-thread-id', `#thread-f:${thread}`);
        ids?.setAttribute('data-legacy-thread-id', thread.toString(16));
        tbody.append(clone);
      }
    }
    const { threads, health } = extractThreadList(doc, ctx(DEMO_ME, 'Europe/Kyiv'));
    expect(threads).toHaveLength(1000);
    expect(health).toMatchObject({ seen: 1000, parsed: 1000, healthy: true });
    for (const t of threads) expect(threadRowSchema.safeParse(t).success).toBe(true);
  });

  it('keeps one record when Gmail renders a thread twice', () => {
    const doc = loadFixture('demo-inbox') as Document;
    const tbody = doc.querySelector('[gh=tl] tbody') as Element;
    for (const row of [...tbody.children]) tbody.append(row.cloneNode(true));
    const { threads, health } = extractThreadList(doc, ctx(DEMO_ME, 'Europe/Kyiv'));
    expect(threads).toHaveLength(50);
    expect(health.seen).toBe(50);
  });
});
