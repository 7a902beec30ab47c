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
  window.document.write(html);
  window.eval(script);
  return window;
}

const views = (window: Window) =>
  [...window.document.querySelectorAll('div.aeF > div.nH')].map((view) => view.getAttribute('style') ?? '');

describe('the demo page script', () => {
  it('opens a clicked thread in place and goes back to the list on a hash change', async () => {
    const window = openPage();
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
    await window.happyDOM.close();
  });

  it('opens a thread from any of its rows in the vertical preview-pane layout', async () => {
    const window = openPage('vertical');
    const first = window.document.querySelector('tr.zA.apv[data-demo-token]');
    const snippetRow = first?.nextElementSibling?.nextElementSibling;
    expect(snippetRow?.classList.contains('apw')).toBe(true);
    snippetRow?.querySelector('.y2')?.dispatchEvent(new window.MouseEvent('click', { bubbles: true }));
    expect(window.location.hash).toBe(`#inbox/${first?.getAttribute('data-demo-token')}`);
    await window.happyDOM.close();
  });
});
