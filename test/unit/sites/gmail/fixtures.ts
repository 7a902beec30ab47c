import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { renderGmailHtml } from '../../../demo/gmail/render-page';
import { generateMailbox } from '../../../demo/mailbox/generate';

// The pages the Gmail extractors are tested on, by the names the selector
// table uses. Real captures come from ../shared when it exists beside the
// checkout; the demo's pages are rendered fresh; the `current-*` pages are ours.

const REPO = path.resolve(import.meta.dirname, '../../../..');
const SHARED_DOM = path.resolve(REPO, '..', 'shared', 'fixtures', 'gmail', 'dom');
const SHARED_DOM_2025 = path.resolve(REPO, '..', 'shared', 'fixtures', 'gmail', 'dom-2025');
/** The real 2025 pages: a consumer inbox (default layout) and a Workspace conversation beside its list (split layout). */
export const REAL_2025 = {
  inbox: path.join(SHARED_DOM_2025, 'gmail-2025-04-consumer-inbox.html'),
  conversation: path.join(SHARED_DOM_2025, 'gmail-2025-04-workspace-conversation.html'),
};
export const DEMO_NOW = Date.UTC(2026, 10, 20, 12);
export const demoMailbox = generateMailbox({ seed: 7, now: DEMO_NOW });
export const DEMO_ME = 'olena@brightpath.studio';

export function parseHtml(html: string, url = 'https://mail.google.com/mail/u/0/'): Document {
  const window = new Window({ url });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

const conversationThread = demoMailbox.accounts[0]?.threads.find((t) => t.messages.length === 6);

const sources: Record<string, () => string | undefined> = {
  'real-2014-list': () => readShared('inboxsdk-2014-12-thread-list.html'),
  'real-2014-preview': () => readShared('inboxsdk-2014-12-thread-rows-preview-pane.html'),
  'real-2025-inbox': () => readIfPresent(REAL_2025.inbox),
  'real-2025-conversation': () => readIfPresent(REAL_2025.conversation),
  'demo-inbox': () => renderGmailHtml(demoMailbox, { accountIndex: 0, hash: '#inbox', timeZone: 'Europe/Kyiv' }),
  'demo-inbox-vertical': () =>
    renderGmailHtml(demoMailbox, { accountIndex: 0, hash: '#inbox', timeZone: 'Europe/Kyiv', layout: 'vertical' }),
  'demo-inbox-uk': () =>
    renderGmailHtml(demoMailbox, { accountIndex: 0, hash: '#inbox', timeZone: 'Europe/Kyiv', language: 'uk' }),
  'demo-conversation': () =>
    renderGmailHtml(demoMailbox, {
      accountIndex: 0,
      hash: `#inbox/${conversationThread?.token}`,
      timeZone: 'Europe/Kyiv',
    }),
  'current-inbox': () => readFileSync(path.join(REPO, 'test/fixtures/gmail/current-inbox.html'), 'utf8'),
  'current-inbox-vertical': () =>
    readFileSync(path.join(REPO, 'test/fixtures/gmail/current-inbox-vertical.html'), 'utf8'),
  'current-inbox-ru': () => readFileSync(path.join(REPO, 'test/fixtures/gmail/current-inbox-ru.html'), 'utf8'),
  'current-conversation': () => readCurrentConversation(),
  // The same conversation in the containers Gmail used before 2023-11-16 (DOM notes §1.5).
  'conversation-until-2023': () =>
    readCurrentConversation()
      .replace('<div class="a98 iY">', '<table class="Bs"><tbody><tr><td>')
      .replace('</div></div></div></div></body>', '</div></td></tr></tbody></table></div></div></body>'),
  'conversation-2018': () => readCurrentConversation().replace('<div class="a98 iY">', '<div class="if">'),
};

function readCurrentConversation(): string {
  return readFileSync(path.join(REPO, 'test/fixtures/gmail/current-conversation.html'), 'utf8');
}

function readShared(name: string): string | undefined {
  return readIfPresent(path.join(SHARED_DOM, name));
}

function readIfPresent(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

export const FIXTURE_NAMES = Object.keys(sources);

/** The fixture as a parsed page, or undefined when it lives in ../shared and that is absent. */
export function loadFixture(name: string): Document | undefined {
  const load = sources[name];
  if (!load) throw new Error(`Unknown Gmail fixture "${name}"`);
  const html = load();
  return html === undefined ? undefined : parseHtml(html);
}

export const demoConversationThread = conversationThread;
