import type { DemoAccount, DemoMailbox } from '../mailbox/types';
import { html, type Markup } from './escape';
import { renderConversation } from './render-conversation';
import { renderThreadList } from './render-list';
import { GMAIL_STYLE } from './style';
import { embeddedListScript } from './sync-data';
import { dateFormats, UI_TEXT, type UiLanguage } from './ui-text';
import { parseHash, threadsInView } from './view-state';

export interface ViewOptions {
  account: DemoAccount;
  hash: string;
  language: UiLanguage;
  timeZone: string;
  now: number;
  layout: 'default' | 'vertical';
  pageSize?: number;
  foldAbove?: number;
}

export interface RenderedView {
  title: string;
  list?: Markup;
  conversation?: Markup;
}

/** The title Gmail gives the tab: "<view> - <address> - Gmail" (DOM notes §1.3). */
function tabTitle(options: ViewOptions, viewName: string, param: string | undefined): string {
  const text = UI_TEXT[options.language];
  const unread = threadsInView(options.account, 'inbox', undefined).filter((t) =>
    t.messages.some((m) => m.unread),
  ).length;
  const label =
    viewName === 'inbox'
      ? `${text.views.inbox}${unread ? ` (${unread})` : ''}`
      : viewName === 'label' || viewName === 'search' || viewName === 'category'
        ? (param ?? '')
        : (text.views[viewName] ?? viewName);
  return `${label} - ${options.account.address} - Gmail`;
}

/** Renders what Gmail shows for a hash: a thread list or one conversation. */
export function renderView(options: ViewOptions): RenderedView {
  const route = parseHash(options.hash);
  const dates = dateFormats(options.language, options.timeZone);
  if (route.kind === 'conversation') {
    // Like Gmail, a link may name the thread by its legacy hex id instead of the opaque token.
    const thread = options.account.threads.find((t) => t.token === route.token || t.hex === route.token);
    if (thread) {
      return {
        title: `${thread.subject} - ${options.account.address} - Gmail`,
        conversation: renderConversation({
          account: options.account,
          thread,
          language: options.language,
          dates,
          foldAbove: options.foldAbove,
        }),
      };
    }
  }
  const page = route.kind === 'list' ? route.page : 1;
  return {
    title: tabTitle(options, route.view, route.param),
    list: renderThreadList({
      account: options.account,
      view: route.view,
      param: route.param,
      page,
      language: options.language,
      dates,
      now: options.now,
      layout: options.layout,
      pageSize: options.pageSize,
    }),
  };
}

function navigation(account: DemoAccount, language: UiLanguage): Markup {
  const text = UI_TEXT[language];
  const links: [string, string][] = [
    ['#inbox', text.views.inbox ?? 'Inbox'],
    ['#sent', text.views.sent ?? 'Sent'],
    ['#all', text.views.all ?? 'All Mail'],
    ['#category/promotions', 'Promotions'],
    ['#category/updates', 'Updates'],
    ...account.labels.map((label): [string, string] => [`#label/${encodeURIComponent(label)}`, label]),
  ];
  return html`<div role="navigation" class="aeN"><div class="TK">${links.map(([href, label]) => html`<div class="aim"><a href="${href}" class="J-Ke n0">${label}</a></div>`)}</div></div>`;
}

export interface PageOptions {
  accountIndex: number;
  hash: string;
  timeZone: string;
  language?: UiLanguage;
  layout?: 'default' | 'vertical';
  pageSize?: number;
  foldAbove?: number;
  /** Where the page's script lives; omitted for static fixtures. */
  scriptSrc?: string;
}

/** A whole Gmail page for one account, with the view of `hash` already rendered. */
export function renderGmailHtml(mailbox: DemoMailbox, options: PageOptions): string {
  const account = mailbox.accounts[options.accountIndex];
  if (!account) throw new Error(`The demo mailbox has no account ${options.accountIndex}`);
  const language = options.language ?? account.uiLanguage;
  const layout = options.layout ?? 'default';
  const view = renderView({
    account,
    hash: options.hash,
    language,
    timeZone: options.timeZone,
    now: mailbox.now,
    layout,
    pageSize: options.pageSize,
    foldAbove: options.foldAbove,
  });
  const data = JSON.stringify({ account, now: mailbox.now, language, layout, timeZone: options.timeZone }).replace(
    /</g,
    '\\u003c',
  );
  const htmlLang = language === 'en-GB' ? 'en-GB' : language;
  const page = html`<!doctype html><html lang="${htmlLang}"><head><meta charset="utf-8"><title>${view.title}</title><style>${GMAIL_STYLE}</style></head><body><div class="nH w-asV aiw"><header role="banner" class="gb_Ja"><span class="gb_logo">Gmail</span><div class="gb_account" aria-label="Google Account: ${account.name} (${account.address})"><a href="https://myaccount.google.com/?authuser=${account.index}" class="gb_A"><span class="gb_name">${account.name}</span> <span class="gb_email">${account.address}</span></a></div></header><div class="nH bkK">${navigation(account, language)}<div class="nH" role="main"><div class="aeF"><div class="nH" data-demo-view="list" style="${view.list ? '' : 'display: none'}">${view.list ?? ''}</div><div class="nH" data-demo-view="conversation" style="${view.conversation ? '' : 'display: none'}">${view.conversation ?? ''}</div></div></div></div></div>`;
  const route = parseHash(options.hash);
  // Like Gmail's first load: its code defines `_GM_setData` and the page calls it with the view's thread list.
  const firstLoad =
    route.kind === 'list'
      ? `<script>window._GM_setData = function (data) { (window.__demoFirstLoad = window.__demoFirstLoad || []).push(data); };</script><script>${embeddedListScript(account, { view: route.view, param: route.param, page: route.page, pageSize: options.pageSize })}</script>`
      : '';
  const script = options.scriptSrc
    ? `${firstLoad}<script id="demo-data" type="application/json">${data}</script><script src="${options.scriptSrc}"></script>`
    : '';
  return `${page.html}${script}</body></html>`;
}
