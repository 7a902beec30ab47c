import { browser } from 'wxt/browser';
import type { ContentScriptContext } from '#imports';
import type { CrmRecordReply } from '@/lib/features/crm/messages';
import { en, type MessageKey, ru, uk } from '@/lib/i18n/catalogs';
import { resolveLanguage } from '@/lib/i18n/locales';
import { interpolate, type Translator } from '@/lib/i18n/translate';
import { CRM_CHANGED_NOTICE } from '@/lib/messaging/crm-changed';
import { READ_PAGE_MESSAGE, type ReadPageReply } from '@/lib/messaging/read-page';
import { sendToBackground } from '@/lib/messaging/send';
import { CRM_ADAPTERS, hostedCrmFor } from '@/lib/sites/crm/adapters';
import { extractCrmRecord } from '@/lib/sites/crm/extract';
import type { CrmAdapter, CrmExtraction } from '@/lib/sites/crm/types';
import { type BadgeActions, createBadge, placeBadge } from './crm-badge';
import { watchSubtree } from './dom-watch';

const SELF_HOSTED = [CRM_ADAPTERS.twenty, CRM_ADAPTERS.espocrm, CRM_ADAPTERS.odoo, CRM_ADAPTERS.dolibarr];

/** The adapters that may own this address: the hosted CRM of its host, else the self-hosted ones whose routes fit. */
export function adaptersFor(url: URL): CrmAdapter[] {
  const hosted = hostedCrmFor(url);
  if (hosted) return [hosted];
  return SELF_HOSTED.filter((adapter) => adapter.route(url) !== undefined);
}

function readRecord(url: URL): { adapter: CrmAdapter; extraction: CrmExtraction } | undefined {
  let first: { adapter: CrmAdapter; extraction: CrmExtraction } | undefined;
  for (const adapter of adaptersFor(url)) {
    const extraction = extractCrmRecord(adapter, document, url);
    if (extraction.record) return { adapter, extraction };
    first ??= { adapter, extraction };
  }
  return first;
}

/**
 * On the CRMs the user switched on: reads the record page, asks the background
 * which known client it is, and draws the risk badge beside its title. SPA
 * navigation and re-renders are followed; a record read again unchanged costs
 * no message. The toolbar button can ask for the generic reading of any page.
 */
export function runCrmContentScript(ctx: ContentScriptContext): void {
  // The catalogs alone: the full translator brings date locales the badge never uses.
  const catalog = { en, uk, ru }[resolveLanguage('auto', navigator.languages)];
  const t: Translator['t'] = (key: MessageKey, params) => interpolate(catalog[key], params);
  let shownFor = '';
  let badge: HTMLElement | undefined;
  let asking = 0;
  let genericFor = '';

  const opened = (sending: Promise<unknown>) =>
    sending.catch((error: unknown) => console.warn('Keepwarm: the side panel did not open', error));
  const actions: BadgeActions = {
    open: (client) =>
      opened(sendToBackground({ type: 'content/open-client-panel', account: client.account, clientKey: client.key })),
    offer: () => opened(sendToBackground({ type: 'content/open-side-panel' })),
  };

  const clear = () => {
    badge?.remove();
    badge = undefined;
  };

  const show = async (adapter: CrmAdapter, extraction: CrmExtraction, key: string) => {
    const ticket = ++asking;
    let reply: CrmRecordReply;
    try {
      reply = await sendToBackground({ type: 'content/crm-record-seen', crm: adapter.id, extraction });
    } catch (error) {
      if (ctx.isValid) console.warn('Keepwarm: background did not answer for this record', error);
      return;
    }
    // A later page replaced this one while the background answered.
    if (!ctx.isValid || ticket !== asking || key !== shownFor) return;
    clear();
    badge = createBadge(reply, t, actions);
    if (badge) placeBadge(badge, document.querySelector(adapter.titleCss));
  };

  const check = () => {
    const url = new URL(location.href);
    const read = readRecord(url);
    const record = read?.extraction.record;
    // A page the toolbar button read keeps its badge until the user leaves it.
    if (!record && genericFor === url.href) return;
    const key = record ? `${url.href}|${JSON.stringify(record)}` : '';
    if (key === shownFor) {
      // The CRM re-rendered its header and dropped the badge: put the same one back.
      if (badge && !badge.isConnected && read) placeBadge(badge, document.querySelector(read.adapter.titleCss));
      return;
    }
    shownFor = key;
    clear();
    if (read && record) void show(read.adapter, read.extraction, key);
  };

  /** What the toolbar button asks: the CRM's own reading, else the generic one of the page's addresses. */
  const readWithButton = (): boolean => {
    const url = new URL(location.href);
    const specific = readRecord(url);
    const read = specific?.extraction.record
      ? specific
      : { adapter: CRM_ADAPTERS.generic, extraction: extractCrmRecord(CRM_ADAPTERS.generic, document, url) };
    const record = read.extraction.record;
    genericFor = read.adapter.id === 'generic' ? url.href : '';
    shownFor = record ? `${url.href}|${JSON.stringify(record)}` : '';
    clear();
    if (record) void show(read.adapter, read.extraction, shownFor);
    return record !== null;
  };

  const readPage = (message: unknown) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (type === CRM_CHANGED_NOTICE) {
      // The user watched or forgot this record's client: the same page gets a new answer,
      // read the way it was read first.
      shownFor = '';
      if (genericFor === location.href) readWithButton();
      else check();
      return undefined;
    }
    if (type !== READ_PAGE_MESSAGE) return undefined;
    return Promise.resolve<ReadPageReply>({ read: readWithButton() });
  };
  browser.runtime.onMessage.addListener(readPage);
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(readPage);
    clear();
  });

  ctx.addEventListener(window, 'wxt:locationchange', check);
  watchSubtree(ctx, document.body, check);
  check();
}
