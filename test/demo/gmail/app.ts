// The demo Gmail's page script: renders the view of the URL hash into the
// page, and swaps views in place on navigation, the way Gmail does.
import type { DemoAccount } from '../mailbox/types';
import { renderView } from './render-page';
import type { UiLanguage } from './ui-text';
import { parseHash } from './view-state';

interface PageData {
  account: DemoAccount;
  now: number;
  language: UiLanguage;
  layout: 'default' | 'vertical';
  timeZone: string;
}

const data = JSON.parse(document.getElementById('demo-data')?.textContent ?? '{}') as PageData;
const listView = document.querySelector<HTMLElement>('[data-demo-view=list]');
const conversationView = document.querySelector<HTMLElement>('[data-demo-view=conversation]');

let requests = 0;
const syncUrl = (endpoint: 'bv' | 'fd') =>
  `/sync/u/${data.account.index}/i/${endpoint}?hl=en&c=${++requests}&rt=r&pt=ji`;

/**
 * Asks the sync endpoints for what a view shows, as Gmail's code does on each
 * navigation: the list by XMLHttpRequest, an opened thread by fetch (Gmail uses
 * both). The demo renders from its own data; the responses are there for
 * whoever observes Gmail's traffic, as on the real page.
 */
function requestSyncData(hash: string): void {
  const route = parseHash(hash);
  if (route.kind === 'list') {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', syncUrl('bv'));
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.send(JSON.stringify({ view: route.view, param: route.param, page: route.page }));
    return;
  }
  const thread = data.account.threads.find((t) => t.token === route.token || t.hex === route.token);
  if (!thread) return;
  void fetch(syncUrl('fd'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ threadIds: [thread.id] }),
  }).then((response) => response.text());
}

function show(): void {
  if (!listView || !conversationView) return;
  const view = renderView({ ...data, hash: location.hash || '#inbox' });
  document.title = view.title;
  // Gmail keeps the list view in the DOM while a conversation is open; it only hides it.
  if (view.list) listView.innerHTML = view.list.html;
  conversationView.innerHTML = view.conversation?.html ?? '';
  listView.style.display = view.list ? '' : 'none';
  conversationView.style.display = view.conversation ? '' : 'none';
}

listView?.addEventListener('click', (event) => {
  // In the vertical layout a thread spans several rows; only its first carries the token.
  let row = (event.target as Element).closest('tr.zA');
  while (row && !row.hasAttribute('data-demo-token')) row = row.previousElementSibling;
  const token = row?.getAttribute('data-demo-token');
  if (!token) return;
  const route = parseHash(location.hash || '#inbox');
  const prefix = route.param !== undefined ? `${route.view}/${encodeURIComponent(route.param)}` : route.view;
  location.hash = `#${prefix}/${token}`;
});

window.addEventListener('hashchange', () => {
  requestSyncData(location.hash || '#inbox');
  show();
});
// The first view's list came with the page (`_GM_setData`); a conversation opened by its link is fetched.
if (parseHash(location.hash || '#inbox').kind === 'conversation') requestSyncData(location.hash);
show();
