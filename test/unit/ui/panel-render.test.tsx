import Dexie from 'dexie';
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActivityChart } from '@/components/activity-chart';
import { ClientView } from '@/components/client-view';
import { CrmCandidate } from '@/components/crm-candidate';
import { PanelOverview } from '@/components/panel-overview';
import { WaitingPopup } from '@/components/waiting-popup';
import { en, type MessageKey } from '@/lib/i18n/catalogs';
import type { Language } from '@/lib/i18n/locales';
import { createTranslator } from '@/lib/i18n/translate';
import { type KeepwarmDb, openKeepwarmDb } from '@/lib/store/db';
import type { ActivityWeek } from '@/lib/ui/activity-series';
import type { ClientActions } from '@/lib/ui/client-action-types';
import { clientDetail } from '@/lib/ui/client-detail';
import type { ClientDetail } from '@/lib/ui/client-detail-type';
import type { MergeTargets } from '@/lib/ui/merge-targets';
import { TranslatorContext } from '@/lib/ui/use-translator';
import { searchWaiting, type WaitingEntry } from '@/lib/ui/waiting-list';
import { stoppedAnswering, waitingOnYou } from '@/lib/ui/waiting-reads';
import { account, mailbox, NOW, seedDemo } from './demo-clients';

// Hostile text from mail: markup, a script, a right-to-left override and a
// 10,000-character run. It must reach the page as inert text, whole.
const SCRIPT = '<script>alert(1)</script><img src=x onerror=alert(2)>';
const RTL = '\u202Egnp.exe';
const LONG = 'W'.repeat(10_000);
const HOSTILE = `${SCRIPT} ${RTL} ${LONG}`;

const actions: ClientActions = {
  decideFollowUp: async () => undefined,
  correct: async () => undefined,
  splitAddress: async () => undefined,
  forgetCrm: async () => undefined,
};
const mergeTargets: MergeTargets = { keys: async () => [], has: async () => false };

let db: KeepwarmDb;
let detail: ClientDetail;
let onYou: WaitingEntry[];
let stopped: WaitingEntry[];

beforeAll(async () => {
  db = openKeepwarmDb('panel-render');
  await seedDemo(db);
  const key = mailbox.scenarios.waitingOnUs[0] ?? '';
  const loaded = await clientDetail(db, account.address, key, NOW);
  if (!loaded) throw new Error('no demo client');
  detail = loaded;
  onYou = await waitingOnYou(db, NOW);
  stopped = await stoppedAnswering(db, NOW);
});
afterAll(async () => {
  db.close();
  await Dexie.delete('panel-render');
});

function hostileDetail(): ClientDetail {
  const copy = structuredClone(detail);
  copy.client.report.displayName = HOSTILE;
  copy.client.report.threads = copy.client.report.threads.map((t) => ({ ...t, subject: HOSTILE }));
  copy.timeline = copy.timeline.map((m) => ({
    ...m,
    subject: HOSTILE,
    snippet: HOSTILE,
    from: { ...m.from, name: HOSTILE },
  }));
  return copy;
}

function render(language: Language, node: ReactNode): string {
  return renderToStaticMarkup(createElement(TranslatorContext, { value: createTranslator(language) }, node));
}

const clientView = (language: Language, view = detail) =>
  render(
    language,
    createElement(ClientView, {
      detail: view,
      now: NOW,
      actions,
      mergeTargets,
      mine: (e: string) => e === account.address,
      onOpenThread: () => undefined,
    }),
  );
const popup = (language: Language, entries = onYou) =>
  render(
    language,
    createElement(WaitingPopup, {
      waitingOnYou: entries,
      stoppedAnswering: stopped,
      now: NOW,
      onOpen: () => undefined,
    }),
  );

describe('the popup and client view as rendered', () => {
  it('show hostile names, subjects and snippets as inert text, whole, isolated for direction', () => {
    const hostile = onYou.map((e) => ({ ...e, name: HOSTILE, subject: HOSTILE }));
    for (const html of [clientView('en', hostileDetail()), popup('en', hostile)]) {
      expect(html).not.toMatch(/<script|<img/i);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).toContain(LONG);
      expect(html).toMatch(/<bdi[^>]*>[^<]*\u202Egnp\.exe/);
    }
  });

  it('the client view shows the reasons, follow-ups with their actions, whose turn, the chart and the timeline', () => {
    const html = clientView('en');
    for (const id of ['reasons', 'follow-ups', 'turns', 'activity-chart', 'timeline'])
      expect(html, id).toContain(`data-testid="${id}"`);
    for (const label of ['Done', 'Snooze', '1 day', '1 week', 'Dismiss', 'Save', 'Merge'])
      expect(html).toContain(`>${label}<`);
    expect(html).toContain('waiting_on_us');
  });

  it.each(['en', 'uk', 'ru'] as const)(
    'in %s, a report stored before its weeks of activity says the chart is coming, rather than draw empty weeks',
    (language) => {
      const { activity: _, ...before } = detail;
      const html = clientView(language, before);
      expect(html).toContain('data-testid="activity-pending"');
      expect(html).not.toContain('data-testid="activity-chart"');
      expect(html).toContain(createTranslator(language).t('panel.activityPending'));
    },
  );

  it.each(['en', 'uk', 'ru'] as const)(
    'in %s, weeks with messages but no reply to time draw the messages alone and say why there is no reply line',
    (language) => {
      const week = (i: number, times: Partial<ActivityWeek> = {}): ActivityWeek => ({
        start: NOW - (13 - i) * 7 * 86_400_000,
        received: i % 3,
        sent: 1,
        ...times,
      });
      const untimed = render(language, createElement(ActivityChart, { weeks: [0, 1, 2].map((i) => week(i)) }));
      const { t } = createTranslator(language);
      expect(untimed).toContain('data-testid="activity-chart"');
      expect(untimed).toContain('data-testid="no-reply-times"');
      expect(untimed).toContain(t('panel.noReplyTimes'));
      expect(untimed).not.toContain('<polyline');
      expect(untimed).not.toContain('kw-key--line-in');
      const timed = render(
        language,
        createElement(ActivityChart, { weeks: [week(0), week(1, { theirReplyMs: 7_200_000 }), week(2)] }),
      );
      expect(timed).toContain('<polyline');
      expect(timed).toContain('kw-key--line-in');
      expect(timed).not.toContain('data-testid="no-reply-times"');
    },
  );

  it.each(['en', 'uk', 'ru'] as const)(
    'in %s, the client view says what the CRM taught and how to undo it',
    (language) => {
      const learning = {
        account: account.address,
        clientKey: detail.client.key,
        addresses: ['jane.home@gmail.com'],
        domain: 'acme-logistics.com',
        amount: { value: 48_000, currency: 'EUR' },
        activities: [NOW - 86_400_000],
        watched: true as const,
        records: ['hubspot:5101'],
        updatedAt: NOW,
      };
      const html = clientView(language, { ...detail, learning, messageCount: 0 });
      expect(html).toContain('data-testid="crm-learning"');
      expect(html).toContain('data-testid="crm-forget"');
      expect(html).toContain('data-testid="no-mail-yet"');
      expect(html).toContain('jane.home@gmail.com');
      expect(html).toContain('acme-logistics.com');
      expect(html).toMatch(/48[\s\u00a0\u202f,.]?000/);
      expect(clientView(language)).not.toContain('data-testid="crm-learning"');
    },
  );

  it('the overview lists the clients the user watches, however low their risk', () => {
    const watched = [detail.client];
    const overview = (list: typeof watched) =>
      render(
        'uk',
        createElement(PanelOverview, {
          riskiest: [],
          watched: list,
          clientCount: 1,
          setAside: { entries: [], total: 0 },
          onPick: () => undefined,
          onInclude: () => undefined,
        }),
      );
    expect(overview(watched)).toContain('data-testid="watched-list"');
    expect(overview(watched)).toContain('Клієнти, за якими ви стежите');
    expect(overview([])).not.toContain('data-testid="watched-list"');
  });

  it.each(['en', 'uk', 'ru'] as const)('in %s, a CRM record of nobody known offers to watch it', (language) => {
    const watch = (accounts: string[]) =>
      render(
        language,
        createElement(CrmCandidate, { candidate: 'fresh.de', accounts, onWatch: async () => undefined }),
      );
    expect(watch([account.address])).toContain('data-testid="crm-watch"');
    expect(watch([account.address, 'other@studio.io'])).toContain('<select');
    expect(watch([])).not.toContain('data-testid="crm-watch"');
  });

  it('the popup labels each row for screen readers and gives one row the tab stop', () => {
    const many = Array.from({ length: 25 }, (_, i) =>
      stopped.map((e) => ({ ...e, clientKey: `${i}.${e.clientKey}` })),
    ).flat();
    const html = render(
      'en',
      createElement(WaitingPopup, { waitingOnYou: onYou, stoppedAnswering: many, now: NOW, onOpen: () => undefined }),
    );
    const rows = html.match(/aria-label="Open “/g)?.length ?? 0;
    // Windowed: the rows in view and a few more, never the whole list.
    expect(rows).toBeGreaterThanOrEqual(onYou.length);
    expect(rows).toBeLessThan(20);
    expect(html).toContain(`aria-setsize="${onYou.length + many.length + 2}"`);
    expect(html.match(/tabindex="0"/g)).toHaveLength(1);
    expect(html).toContain('aria-setsize');
  });

  it('the popup marks a list with rows hidden below, so the cut row fades rather than looks broken', () => {
    const popupOf = (stoppedRows: WaitingEntry[]) =>
      render(
        'en',
        createElement(WaitingPopup, {
          waitingOnYou: [],
          stoppedAnswering: stoppedRows,
          now: NOW,
          onOpen: () => undefined,
        }),
      );
    const many = Array.from({ length: 10 }, (_, i) => stopped.map((e) => ({ ...e, clientKey: `${i}.${e.clientKey}` })));
    expect(popupOf(many.flat())).toContain('data-more-below=""');
    expect(popupOf(stopped.slice(0, 1))).not.toContain('data-more-below');
  });

  it('names the account on each row only when the lists hold clients of several accounts', () => {
    const otherAccount = 'team@brightpath.studio';
    expect(popup('en')).not.toContain('kw-row__account');
    const mixed = popup('en', [...onYou, ...onYou.map((e) => ({ ...e, account: otherAccount }))]);
    // Every row rendered (the list is windowed) names its account.
    expect(mixed.match(/class="kw-row__account"/g)?.length).toBe(mixed.match(/aria-label="Open “/g)?.length);
    expect(mixed).toContain(`>${otherAccount}</bdi>`);
    expect(mixed).toContain(`in Gmail as ${otherAccount}"`);
    // And a search for the account finds its clients.
    const entries = [
      ...onYou,
      ...onYou.map((e) => ({ ...e, account: otherAccount, haystack: `${e.haystack}\n${otherAccount}` })),
    ];
    expect(searchWaiting(entries, 'team@')).toHaveLength(onYou.length);
  });

  it.each(['uk', 'ru'] as const)('in %s, no English text of ours is left', (language) => {
    const ours = Object.entries(en).flatMap(([key, text]) =>
      key === 'app.name' || key === 'status.accountWithoutAddress'
        ? []
        : text
            .split(/\{\w+\}/)
            .filter((part) => /[A-Za-z]{3}/.test(part) && !/^\W*(Gmail|Keepwarm|Enter)\W*$/.test(part)),
    );
    const subjects = account.threads.map((t) => t.subject);
    for (const html of [clientView(language), popup(language)]) {
      const text = subjects.reduce(
        (rest, subject) => rest.split(subject).join(''),
        html.replace(/<bdi[^>]*>.*?<\/bdi>/g, '').replace(/<[^>]+>/g, ' '),
      );
      for (const part of ours) expect(text, `${part} (${language})`).not.toContain(part.trim());
    }
    expect(ours.length).toBeGreaterThan(50);
    expect(Object.keys(en) as MessageKey[]).toContain('popup.waitingOnYou');
  });
});
