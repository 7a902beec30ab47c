import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PanelOverview } from '@/components/panel-overview';
import { SetAsideList } from '@/components/set-aside-list';
import type { StoredSetAside } from '@/lib/data/stored-rows';
import type { Language } from '@/lib/i18n/locales';
import { senderSignalText } from '@/lib/i18n/sender-signal-text';
import { createTranslator } from '@/lib/i18n/translate';
import { searchSetAside } from '@/lib/ui/set-aside';
import { TranslatorContext } from '@/lib/ui/use-translator';

const NOW = Date.UTC(2026, 10, 20, 12);
const DAY = 86_400_000;
const HOSTILE = '<script>alert(1)</script> \u202Egnp.exe';

const vendor: StoredSetAside = {
  account: 'olena@brightpath.studio',
  key: 'vendor.example',
  kind: 'org',
  name: 'Vendor, Inc.',
  messages: 3,
  lastAt: NOW - DAY,
  senders: [
    {
      address: 'noreply@vendor.example',
      name: '',
      signal: { kind: 'machine', word: 'noreply' },
      messages: 1,
      lastAt: NOW - DAY,
    },
    {
      address: 'renewals@vendor.example',
      name: 'Vendor, Inc.',
      signal: { kind: 'role', word: 'renewals' },
      messages: 2,
      lastAt: NOW - 2 * DAY,
    },
  ],
  senderCount: 4,
  computedAt: NOW,
};
const letters: StoredSetAside = {
  ...vendor,
  account: 'ivan@gmail.com',
  key: 'substack.com',
  name: HOSTILE,
  messages: 1,
  lastAt: NOW - 5 * DAY,
  senders: [
    {
      address: 'kyla@substack.com',
      name: HOSTILE,
      signal: { kind: 'platform', domain: 'substack.com' },
      messages: 1,
      lastAt: NOW - 5 * DAY,
    },
  ],
  senderCount: 1,
};

function render(language: Language, node: ReactNode): string {
  return renderToStaticMarkup(createElement(TranslatorContext, { value: createTranslator(language) }, node));
}

const list = (language: Language, entries: StoredSetAside[], total = entries.length) =>
  render(
    language,
    createElement(SetAsideList, { entries, total, showAccount: true, onInclude: () => undefined, searchable: true }),
  );

describe('the list of senders set aside', () => {
  it.each(['en', 'uk', 'ru'] as const)(
    'in %s, says why each sender was set aside and offers to include it',
    (language) => {
      const t = createTranslator(language);
      const html = list(language, [vendor, letters]);
      expect(html).toContain(t.t('setAside.title'));
      expect(html).toContain(t.t('setAside.include'));
      for (const sender of [...vendor.senders, ...letters.senders])
        expect(html).toContain(senderSignalText(t, sender.signal));
      expect(html).toContain(t.t('setAside.otherSenders', { count: 2 }));
      expect(html).toContain(t.t('setAside.summary', { count: 3, date: t.date(NOW - DAY) }));
      expect(html.indexOf('vendor.example')).toBeLessThan(html.indexOf('substack.com'));
      expect(list(language, [])).toContain(t.t('setAside.none'));
    },
  );

  it.each(['en', 'uk', 'ru'] as const)('in %s, names every kind of evidence in words of its own', (language) => {
    const t = createTranslator(language);
    const signals = [
      { kind: 'machine', word: 'noreply' },
      { kind: 'role', word: 'billing' },
      { kind: 'host', host: 't.delta.com' },
      { kind: 'platform', domain: 'luma-mail.com' },
      ...(['promotions', 'social', 'updates', 'forums'] as const).map(
        (category) => ({ kind: 'gmail-category', category }) as const,
      ),
      ...(['list-id', 'list-unsubscribe', 'precedence', 'auto-submitted'] as const).map(
        (header) => ({ kind: 'header', header }) as const,
      ),
      { kind: 'calendar' },
    ] as const;
    const texts = signals.map((signal) => senderSignalText(t, signal));
    expect(new Set(texts).size).toBe(texts.length);
    for (const text of texts) expect(text).not.toMatch(/\{|setAside\./);
  });

  it('shows names from mail as inert text, isolated for direction', () => {
    const html = list('en', [letters]);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toMatch(/<bdi[^>]*>[^<]*\u202Egnp\.exe/);
  });

  it('searches keys, names and senders, every word', () => {
    expect(searchSetAside([vendor, letters], 'renewals').map((e) => e.key)).toEqual(['vendor.example']);
    expect(searchSetAside([vendor, letters], 'SUBSTACK ivan').map((e) => e.key)).toEqual(['substack.com']);
    expect(searchSetAside([vendor, letters], '  ')).toHaveLength(2);
    expect(searchSetAside([vendor, letters], 'nobody')).toEqual([]);
  });

  it('the side panel overview lists the most recent, says how many more, and shows them with no client yet', () => {
    const overview = (clientCount: number) =>
      render(
        'uk',
        createElement(PanelOverview, {
          riskiest: [],
          watched: [],
          clientCount,
          setAside: { entries: [vendor], total: 12 },
          onPick: () => undefined,
          onInclude: () => undefined,
        }),
      );
    for (const html of [overview(0), overview(3)]) {
      expect(html).toContain('data-testid="set-aside-list"');
      expect(html).toContain(createTranslator('uk').t('setAside.more', { shown: 1, total: 12 }));
      expect(html).not.toContain('type="search"');
    }
    expect(overview(0)).toContain('data-testid="no-clients"');
  });
});
