import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { tz } from '@date-fns/tz';
import { isValid, parse as parseDate } from 'date-fns';
import { enGB, enUS, ru, uk } from 'date-fns/locale';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { renderGmailHtml } from '../../demo/gmail/render-page';
import { generateMailbox } from '../../demo/mailbox/generate';

// The demo must look to an extractor exactly like Gmail: the selectors that
// find fields in the real 2014 capture (and that DOM notes §1.4–1.5 describe)
// must find the same kinds of fields in the demo's pages.

const SHARED = path.resolve(import.meta.dirname, '../../../../shared/fixtures/gmail/dom');
const REAL_LIST = path.join(SHARED, 'inboxsdk-2014-12-thread-list.html');
const REAL_PREVIEW = path.join(SHARED, 'inboxsdk-2014-12-thread-rows-preview-pane.html');
const NOW = Date.UTC(2026, 10, 20, 12);
const mailbox = generateMailbox({ seed: 7, now: NOW });
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function parse(htmlText: string): Document {
  const window = new Window({ url: 'https://mail.google.com/mail/u/0/' });
  return new window.DOMParser().parseFromString(htmlText, 'text/html') as unknown as Document;
}

function demo(hash: string, options: Partial<Parameters<typeof renderGmailHtml>[1]> = {}): Document {
  return parse(renderGmailHtml(mailbox, { accountIndex: 0, hash, timeZone: 'Europe/Kyiv', ...options }));
}

/** What a list-row extractor reads, by the selectors real Gmail has kept since 2014. */
function listFields(doc: Document, me: string) {
  const rows = [...doc.querySelectorAll('[gh=tl] tr.zA')].filter((row) => row.id);
  return {
    rows: rows.length,
    unread: rows.filter((row) => row.classList.contains('zE')).length,
    participants: rows.flatMap((row) => [...row.querySelectorAll('td.yX div.yW span[email][name]')]),
    meSpans: rows.flatMap((row) => [...row.querySelectorAll(`div.yW span[email="${me}"]`)]),
    dates: rows.map((row) => row.querySelector('td.xW span[title], td.apt div.apm span[title]')?.getAttribute('title')),
    snippets: rows.map((row) => row.querySelector('span.y2, div.y2')),
    subjects: rows.map((row) => row.querySelector('td.a4W div.xS div.xT div.y6 > span, td.apD div.y6 > span')),
  };
}

function expectListShape(fields: ReturnType<typeof listFields>) {
  expect(fields.rows).toBeGreaterThan(0);
  expect(fields.unread).toBeGreaterThan(0);
  expect(fields.participants.length).toBeGreaterThanOrEqual(fields.rows);
  for (const span of fields.participants) expect(span.getAttribute('email')).toMatch(EMAIL);
  expect(fields.meSpans.length).toBeGreaterThan(0);
  for (const title of fields.dates) expect(title).toMatch(/\d{4}/);
  for (const subject of fields.subjects) expect(subject?.textContent?.trim()).toBeTruthy();
  // Gmail omits the snippet of a message with no text, so not every row has one.
  expect(fields.snippets.filter(Boolean).length).toBeGreaterThan(fields.rows / 2);
}

describe('demo Gmail pages have real Gmail structure', () => {
  it.skipIf(!existsSync(REAL_LIST))('the 2014 capture: the same selectors find the same fields', () => {
    const fields = listFields(parse(readFileSync(REAL_LIST, 'utf8')), 'streak.web.test.1@gmail.com');
    expectListShape(fields);
    expect(fields.meSpans[0]?.getAttribute('name')).toBe('me');
  });

  it('the demo inbox: same fields, plus the id attributes of current Gmail', () => {
    const doc = demo('#inbox');
    const fields = listFields(doc, 'olena@brightpath.studio');
    expectListShape(fields);
    expect(fields.rows).toBe(50);
    expect(fields.meSpans[0]?.getAttribute('name')).toBe('me');
    const ids = [...doc.querySelectorAll('tr.zA [data-thread-id][data-legacy-thread-id]')];
    expect(ids).toHaveLength(50);
    for (const span of ids) {
      const decimal = span.getAttribute('data-thread-id')?.replace('#thread-f:', '') ?? '';
      expect(BigInt(decimal).toString(16)).toBe(span.getAttribute('data-legacy-thread-id'));
      const last = BigInt(`0x${span.getAttribute('data-legacy-last-message-id')}`) >> 20n;
      expect(Number(last)).toBeLessThanOrEqual(NOW);
    }
    expect(doc.title).toMatch(/^Inbox \(\d+\) - olena@brightpath\.studio - Gmail$/);
    expect(doc.querySelector('.boq, .bx0')).not.toBeNull();
  });

  it.skipIf(!existsSync(REAL_PREVIEW))(
    'vertical preview pane: one thread over several rows, as in the real capture',
    () => {
      const real = parse(readFileSync(REAL_PREVIEW, 'utf8'));
      const ours = demo('#inbox', { layout: 'vertical' });
      for (const doc of [real, ours]) {
        const first = doc.querySelector('tr.zA.apv[id]');
        expect(first?.querySelector('td.apt div.apm span[title]')).not.toBeNull();
        expect(first?.nextElementSibling?.querySelector('div.y6 > span')).not.toBeNull();
        expect(first?.nextElementSibling?.nextElementSibling?.classList.contains('apw')).toBe(true);
      }
    },
  );

  it('an opened conversation: expanded, collapsed and folded messages', () => {
    const thread = mailbox.accounts[0]?.threads.find((t) => t.messages.length >= 6);
    const doc = demo(`#inbox/${thread?.token}`);
    const main = doc.querySelector('[role=main] .g.id .a98.iY');
    const h2 = main?.querySelector('.ha h2.hP');
    expect(h2?.getAttribute('data-thread-perm-id')).toBe(`thread-f:${thread?.id}`);
    const items = [...(main?.querySelectorAll('[role=list] > [role=listitem]') ?? [])];
    expect(items.some((i) => i.classList.contains('h7'))).toBe(true);
    expect(items.some((i) => i.classList.contains('kv'))).toBe(true);
    const folded = Number(main?.querySelector('.adx span')?.textContent);
    const rendered = main?.querySelectorAll('.adn[data-message-id]').length ?? 0;
    expect(rendered + folded).toBe(thread?.messages.length);
    expect(main?.querySelector('.h7 td.gH div.gK span.g3[title]')).not.toBeNull();
    expect(main?.querySelector('.kv td.gH span.g3[title]')).not.toBeNull();
    expect(main?.querySelector('.h7 span.gD[email][name]')).not.toBeNull();
    expect(main?.querySelector('.h7 span.hb span.g2[email][name]')).not.toBeNull();
    expect(main?.querySelector('div.ii.gt > div.a3s')).not.toBeNull();
  });

  it.each([
    ['en', /^Inbox \(\d+\) - /, 'me', enUS, 'EEE, MMM d, yyyy, h:mm a'],
    ['en-GB', /^Inbox \(\d+\) - /, 'me', enGB, 'd MMM yyyy, HH:mm'],
    ['uk', /^Вхідні \(\d+\) - /, 'я', uk, "d MMM yyyy 'р.', HH:mm"],
    ['ru', /^Входящие \(\d+\) - /, 'я', ru, "d MMM yyyy 'г.', HH:mm"],
  ] as const)(
    'a %s UI localizes the tab title, "me" and date titles that parse back to the time of the newest inbox message',
    (language, title, me, locale, pattern) => {
      const doc = demo('#inbox', { language });
      expect(doc.title).toMatch(title);
      expect(doc.querySelector('div.yW span[email="olena@brightpath.studio"]')?.getAttribute('name')).toBe(me);
      for (const row of doc.querySelectorAll('tr.zA[id]')) {
        const text = row.querySelector('td.xW span[title]')?.getAttribute('title') ?? '';
        const threadId = row
          .querySelector('[data-thread-id]')
          ?.getAttribute('data-thread-id')
          ?.replace('#thread-f:', '');
        const thread = mailbox.accounts[0]?.threads.find((t) => t.id === threadId);
        // As in real Gmail, the user's own replies are not in the inbox: the row shows the counterpart's last message.
        const at = thread?.messages.filter((m) => m.direction !== 'out').at(-1)?.at ?? Number.NaN;
        const parsed = parseDate(text, pattern, new Date(NOW), { locale, in: tz('Europe/Kyiv') });
        expect(parsed.getTime(), text).toBe(Math.floor(at / 60_000) * 60_000);
      }
    },
  );

  it.skipIf(!existsSync(REAL_LIST))('the 2014 capture\'s titles parse the same way, with its older "at"', () => {
    const titles = [...parse(readFileSync(REAL_LIST, 'utf8')).querySelectorAll('td.xW span[title]')];
    for (const span of titles) {
      const text = span.getAttribute('title') ?? '';
      expect(isValid(parseDate(text, "EEE, MMM d, yyyy 'at' h:mm a", new Date(), { locale: enUS })), text).toBe(true);
    }
  });

  it('escapes hostile text', () => {
    const hostile = generateMailbox({ seed: 7, now: NOW });
    const thread = hostile.accounts[0]?.threads[0];
    if (!thread) throw new Error('no thread');
    thread.subject = '<img src=x onerror=alert(1)>"&';
    const doc = parse(renderGmailHtml(hostile, { accountIndex: 0, hash: '#inbox', timeZone: 'UTC' }));
    expect(doc.querySelector('img[onerror]')).toBeNull();
    expect(doc.body.textContent).toContain('<img src=x onerror=alert(1)>"&');
  });
});
