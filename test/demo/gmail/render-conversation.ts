import type { DemoAccount, DemoMessage, DemoPerson, DemoThread } from '../mailbox/types';
import { html, type Markup } from './escape';
import { type DateFormats, UI_TEXT, type UiLanguage } from './ui-text';

export interface ConversationOptions {
  account: DemoAccount;
  thread: DemoThread;
  language: UiLanguage;
  dates: DateFormats;
  /** Messages shown before Gmail folds the middle away; `Infinity` is "expand all". */
  foldAbove?: number;
}

// Like Gmail: the last message and unread ones are expanded, the rest
// collapsed to a header, and in long threads the middle is folded away —
// absent from the DOM, with only its count shown (DOM notes §1.5).
const DEFAULT_FOLD_ABOVE = 4;

function person(p: DemoPerson, cls: string, account: DemoAccount, language: UiLanguage): Markup {
  const name = p.email === account.address ? UI_TEXT[language].me : p.name;
  return html`<span class="${cls}" email="${p.email}" name="${name}" data-hovercard-id="${p.email}">${name}</span>`;
}

function recipients(message: DemoMessage, account: DemoAccount, language: UiLanguage): Markup {
  const all = [...message.to, ...message.cc];
  return html`<span class="hb">${UI_TEXT[language].toRecipients} ${all.map((p, i) => html`${i ? ', ' : ''}${person(p, 'g2', account, language)}`)}</span>`;
}

function messageItem(message: DemoMessage, expanded: boolean, options: ConversationOptions): Markup {
  const { account, language, dates } = options;
  const title = dates.title(message.at);
  const date = html`<span class="g3" title="${title}" alt="${title}">${title}</span>`;
  const sender = html`<h3 class="iw"><span class="qu" role="gridcell" tabindex="-1">${person(message.from, 'gD', account, language)} <span class="go"><span aria-hidden="true">&lt;</span>${message.from.email}<span aria-hidden="true">&gt;</span></span></span></h3>`;
  const ids = html`data-message-id="#msg-f:${message.id}" data-legacy-message-id="${message.hex}"`;
  if (!expanded) {
    return html`<div class="kv" role="listitem" aria-expanded="false"><div class="adn ads" ${ids}><table class="cf gJ"><tbody><tr><td class="gF gK">${sender}</td><td class="gH">${date}</td></tr><tr><td colspan="2"><span class="iA g6">${message.snippet}</span></td></tr></tbody></table></div></div>`;
  }
  return html`<div class="h7" role="listitem" aria-expanded="true"><div class="adn ads" ${ids}><div class="gs"><table class="cf gJ"><tbody><tr class="acZ"><td class="gF gK">${sender}</td><td class="gH bAk"><div class="gK">${date}</div></td></tr><tr class="acZ xD"><td colspan="3"><div class="iw ajw">${recipients(message, account, language)}</div></td></tr></tbody></table><div class="ii gt"><div class="a3s aiL">${message.body}</div></div></div></div></div>`;
}

/** An opened conversation in Gmail's structure: `[role=main] .g.id .a98.iY`. */
export function renderConversation(options: ConversationOptions): Markup {
  const { thread, language } = options;
  const messages = thread.messages;
  const fold = messages.length > (options.foldAbove ?? DEFAULT_FOLD_ABOVE);
  const items: Markup[] = [];
  messages.forEach((message, i) => {
    const isLast = i === messages.length - 1;
    if (fold && i > 0 && i < messages.length - 2) {
      if (i === 1) {
        const folded = messages.length - 3;
        items.push(
          html`<div class="kQ" role="listitem"><div class="adx"><span class="adv">${folded}</span> <span>${UI_TEXT[language].olderMessages(folded)}</span></div></div>`,
        );
      }
      return;
    }
    items.push(messageItem(message, isLast || message.unread, options));
  });
  return html`<div class="g id"><div class="a98 iY"><div class="nH"><div class="ha"><h2 class="hP" data-thread-perm-id="thread-f:${thread.id}" data-legacy-thread-id="${thread.hex}" tabindex="-1">${thread.subject}</h2></div></div><div class="nH" role="list">${items}</div></div></div>`;
}
