import type { DemoAccount, DemoPerson, DemoThread } from '../mailbox/types';
import { html, type Markup } from './escape';
import { type DateFormats, UI_TEXT, type UiLanguage } from './ui-text';
import { PAGE_SIZE, shownActivity, threadsInView } from './view-state';

export interface ListOptions {
  account: DemoAccount;
  view: string;
  param?: string;
  page: number;
  language: UiLanguage;
  dates: DateFormats;
  now: number;
  layout: 'default' | 'vertical';
  /** Rows per page: 50 by default, up to 100 as Gmail allows. */
  pageSize?: number;
}

interface RowContext {
  options: ListOptions;
  rowIndex: number;
}

/** Gmail lists a thread's senders in order, each once, the user as a localized "me". */
function participants(thread: DemoThread, options: ListOptions): Markup {
  const { account, language, view } = options;
  const me = account.address;
  const text = UI_TEXT[language];
  if (view === 'sent') {
    const recipients = thread.messages.filter((m) => m.direction === 'out').flatMap((m) => m.to);
    const unique = [...new Map(recipients.map((p) => [p.email, p])).values()].slice(0, 3);
    return html`${text.to}${unique.map((p, i) => html`${i ? ', ' : ''}<span class="bA4"><span class="yP" email="${p.email}" name="${p.name.split(' ')[0]}" data-hovercard-id="${p.email}">${p.name.split(' ')[0]}</span></span>`)}`;
  }
  const senders: { person: DemoPerson; unread: boolean }[] = [];
  for (const message of thread.messages) {
    const known = senders.find((s) => s.person.email === message.from.email);
    if (known) known.unread ||= message.unread;
    else senders.push({ person: message.from, unread: message.unread });
  }
  // Gmail elides the middle of long lists: first sender, then the last two.
  const shown = senders.length > 3 ? [senders[0], ...senders.slice(-2)] : senders;
  return html`${shown.map((sender, i) => {
    if (!sender) return '';
    const isMe = sender.person.email === me;
    const name = isMe ? text.me : sender.person.name;
    const cls = sender.unread ? 'zF' : 'yP';
    const separator = i === 0 ? '' : senders.length > 3 && i === 1 ? ' .. ' : ', ';
    return html`${separator}<span class="bA4"><span class="${cls}" email="${sender.person.email}" name="${name}" data-hovercard-id="${sender.person.email}">${name}</span></span>`;
  })}`;
}

function subjectCell(thread: DemoThread, unread: boolean): Markup {
  const lastHex = thread.messages.at(-1)?.hex ?? thread.hex;
  // Current Gmail marks an unread subject with `bqe` (DOM notes §1.4).
  return html`<div class="y6"><span class="bog"><span${unread ? html` class="bqe"` : ''} data-thread-id="#thread-f:${thread.id}" data-legacy-thread-id="${thread.hex}" data-legacy-last-message-id="${lastHex}" data-legacy-last-non-draft-message-id="${lastHex}">${thread.subject}</span></span></div>`;
}

function countAndDraft(thread: DemoThread, language: UiLanguage): Markup {
  const count = thread.messages.length;
  return html`${count > 1 ? html` <span class="bx0">${count}</span>` : ''}${thread.draft ? html`<span class="boq">${UI_TEXT[language].draft}</span>` : ''}`;
}

function dateSpan(thread: DemoThread, options: ListOptions): Markup {
  const at = shownActivity(thread, options.view);
  const title = options.dates.title(at);
  return html`<span title="${title}" aria-label="${title}">${options.dates.short(at, options.now)}</span>`;
}

function accessibleSummary(thread: DemoThread, unread: boolean, options: ListOptions): string {
  const last = thread.messages.at(-1);
  return `${unread ? `${UI_TEXT[options.language].unread}, ` : ''}${last?.from.name ?? ''}, ${thread.subject}, ${options.dates.short(shownActivity(thread, options.view), options.now)}, ${last?.snippet ?? ''}`;
}

function row(thread: DemoThread, { options, rowIndex }: RowContext): Markup {
  const unread = thread.messages.some((m) => m.unread);
  const state = unread ? 'zE' : 'yO';
  const id = `:${(rowIndex * 7 + 40).toString(36)}`;
  const snippet = thread.draft ? thread.draft.snippet : (thread.messages.at(-1)?.snippet ?? '');
  const checkbox = html`<div class="oZ-jc T-Jo J-J5-Ji" role="checkbox" aria-checked="false" tabindex="-1"><div class="T-Jo-auh"></div></div>`;
  const summary = accessibleSummary(thread, unread, options);
  if (options.layout === 'vertical') {
    return html`<tr class="zA ${state} apv" id="${id}" role="row" tabindex="-1" jscontroller="ZdOxDb" data-demo-token="${thread.token}"><td rowspan="3" class="PF xY"></td><td rowspan="3" class="apo-x3 xY aid">${checkbox}</td><td class="yX xY apy"><div class="afn">${summary}</div><div class="yW">${participants(thread, options)}${countAndDraft(thread, options.language)}</div></td><td class="yf xY apt"><div class="apm">${dateSpan(thread, options)}</div></td></tr><tr class="zA ${state} apv"><td colspan="2" class="xY apD" role="link"><div class="xS"><div class="xT">${subjectCell(thread, unread)}</div></div></td></tr><tr class="zA ${state} apv apw"><td colspan="2" class="xY apA"><div class="apB"><div class="y2 apz">${snippet}</div></div></td></tr>`;
  }
  return html`<tr class="zA ${state}" id="${id}" role="row" tabindex="-1" draggable="true" jscontroller="ZdOxDb" data-demo-token="${thread.token}"><td class="PF xY"></td><td class="oZ-x3 xY aid">${checkbox}</td><td class="apU xY"><span class="aXw T-KT" title="Not starred"></span></td><td class="yX xY"><div class="afn">${summary}</div><div class="yW">${participants(thread, options)}${countAndDraft(thread, options.language)}</div></td><td class="xY a4W"><div class="xS" role="link"><div class="xT">${subjectCell(thread, unread)}<span class="y2"> - ${snippet}</span></div></div></td><td class="xW xY">${dateSpan(thread, options)}</td></tr>`;
}

/** A thread list in Gmail's structure (DOM notes §1.4): `[gh=tl] div.Cp table > tbody > tr.zA`. */
export function renderThreadList(options: ListOptions): Markup {
  const threads = threadsInView(options.account, options.view, options.param);
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const start = (options.page - 1) * pageSize;
  const shown = threads.slice(start, start + pageSize);
  const rows = shown.map((thread, i) => row(thread, { options, rowIndex: start + i }));
  const range = `${threads.length ? start + 1 : 0}–${start + shown.length} of ${threads.length}`;
  return html`<div class="ae4 UI" gh="tl"><div class="aDM"><div class="Cp"><div><table class="F cf zt" role="grid"><colgroup><col class="Ci"><col class="y5"><col class="WA"><col class="yY"><col><col class="xX"></colgroup><tbody>${rows}</tbody></table></div></div></div><div class="amH" data-demo-range>${range}</div></div>`;
}
