import path from 'node:path';
import { build } from 'esbuild';
import { Window } from 'happy-dom';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderGmailHtml } from '../../demo/gmail/render-page';
import { generateMailbox } from '../../demo/mailbox/generate';

// The demo page's own script in a DOM: views swap in place on hash changes,
// as Gmail's do, so the extension's navigation handling meets the real thing.

const NOW = Date.UTC(2026, 10, 20, 12);
const mailbox = generateMailbox({ seed: 7, now: NOW });
let script = '';

beforeAll(async () => {
  const result = await build({
    entryPoints: [path.resolve(import.meta.dirname, '../../demo/gmail/app.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'silent',
  });
  script = result.outputFiles[0]?.text ?? '';
});

function openPage(layout: 'default' | 'vertical' = 'default') {
  const window = new Window({
    url: 'https://mail.google.com/mail/u/0/#inbox',
    settings: { disableJavaScriptFileLoading: true },
  });
  const html = renderGmailHtml(mailbox, {
    accountIndex: 0,
    hash: '#inbox',
    timeZone: 'Europe/Kyiv',
    layout,
    scriptSrc: '/__demo/app.js',
  });
  // The page asks Gmail's sync endpoints as Gmail does; here nothing may leave the test, so each request is recorded.
  const requests: { url: string; body: string }[] = [];
  window.fetch = (async (url: string, init?: { body?: string }) => {
    requests.push({ url: String(url), body: init?.body ?? '' });
    return new window.Response('[0]');
  }) as unknown as typeof window.fetch;
  window.XMLHttpRequest.prototype.open = function (this: { url?: string }, _method: string, url: string) {
    this.url = url;
  } as unknown as typeof window.XMLHttpRequest.prototype.open;
  window.XMLHttpRequest.prototype.setRequestHeader = () => true;
  window.XMLHttpRequest.prototype.send = function (this: { url?: string }, body?: string) {
    requests.push({ url: this.url ?? '', body: body ?? '' });
  } as unknown as typeof window.XMLHttpRequest.prototype.send;
  window.document.write(html);
  window.eval(script);
  return { window, requests };
}

const views = (window: Window) =>
  [...window.document.querySelectorAll('div.aeF > div.nH')].map((view) => view.getAttribute('style') ?? '');

describe('the demo page script', () => {
  it('opens a clicked thread in place and goes back to the list on a hash change', async () => {
    const { window, requests } = openPage();
    const document = window.document;
    const row = document.querySelector('tr.zA[data-demo-token]');
    const token = row?.getAttribute('data-demo-token');
    const thread = mailbox.accounts[0]?.threads.find((t) => t.token === token);
    row?.querySelector('span.bog')?.dispatchEvent(new window.MouseEvent('click', { bubbles: true }));
    expect(window.location.hash).toBe(`#inbox/${token}`);
    await window.happyDOM.waitUntilComplete();
    expect(document.querySelector('[role=main] .a98.iY h2.hP')?.getAttribute('data-thread-perm-id')).toBe(
      `thread-f:${thread?.id}`,
    );
    expect(document.title).toBe(`${thread?.subject} - olena@brightpath.studio - Gmail`);
    expect(views(window)).toEqual(['display: none;', '']);
    // The list stays in the DOM, hidden, as Gmail keeps it.
    expect(document.querySelectorAll('tr.zA').length).toBe(50);

    window.location.hash = '#sent';
    await window.happyDOM.waitUntilComplete();
    expect(document.title).toMatch(/^Sent - olena@brightpath\.studio - Gmail$/);
    expect(views(window)).toEqual(['', 'display: none;']);
    expect(document.querySelector('.a98.iY')).toBeNull();
    // Like Gmail: the first list came with the page, the opened thread and the next list are asked for.
    expect(requests).toEqual([
      { url: '/sync/u/0/i/fd?hl=en&c=1&rt=r&pt=ji', body: JSON.stringify({ threadIds: [thread?.id] }) },
      { url: '/sync/u/0/i/bv?hl=en&c=2&rt=r&pt=ji', body: JSON.stringify({ view: 'sent', page: 1 }) },
    ]);
    await window.happyDOM.close();
  });

  it('opens a thread from any of its rows in the vertical preview-pane layout', async () => {
    const { window } = openPage('vertical');
    const first = window.document.querySelector('tr.zA.apv[data-demo-token]');
    const snippetRow = first?.nextElementSibling?.nextElementSibling;
    expect(snippetRow?.classList.contains('apw')).toBe(true);
    snippetRow?.querySelector('.y2')?.dispatchEvent(new window.MouseEvent('click', { bubbles: true }));
    expect(window.location.hash).toBe(`#inbox/${first?.getAttribute('data-demo-token')}`);
    await window.happyDOM.close();
  });
});
