import { Window } from 'happy-dom';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DashboardView } from '@/components/dashboard/dashboard-view';
import { buildDashboard, type Dashboard } from '@/lib/engine/dashboard';
import { LANGUAGES, type Language } from '@/lib/i18n/locales';
import { createTranslator } from '@/lib/i18n/translate';
import { dashboardFormat } from '@/lib/ui/dashboard-format';
import { TranslatorContext } from '@/lib/ui/use-translator';
import { at, client, HOUR, NOW, ours, theirs } from '../engine/dashboard-fixtures';

// Every chart's numbers are in a table beside it, the one a screen reader
// reads: a caption, column headers, each month a row headed by its name.

const dashboard = buildDashboard({
  clients: [
    client('acme.example', [at(9, 10), at(11, 2)], {
      name: 'Acme',
      value: 12_000,
      chance: 35,
      replies: [ours(at(11, 2), 3), theirs(at(11, 3), 26)],
    }),
    client('gone.example', [at(6, 1)], { name: 'Gone Ltd', chance: 88, tier: 'key' }),
  ],
  now: NOW,
  timeZone: 'UTC',
});

function page(language: Language, shown: Dashboard = dashboard) {
  const html = renderToStaticMarkup(
    createElement(
      TranslatorContext.Provider,
      { value: createTranslator(language) },
      createElement(DashboardView, {
        dashboard: shown,
        account: 'me@studio.example',
        timeZone: 'UTC',
        empty: false,
        onExport: () => {},
        onOpenClient: () => {},
      }),
    ),
  );
  return new new Window().DOMParser().parseFromString(html, 'text/html');
}

type Doc = ReturnType<typeof page>;
const table = (doc: Doc, id: string) => {
  const found = doc.querySelector(`[data-testid="${id}"]`);
  if (!found) throw new Error(`no table ${id}`);
  return found;
};
const cells = (doc: Doc, id: string, row: string) =>
  [...table(doc, id).querySelectorAll(`tr[data-row="${row}"] td`)].map((td) => td.getAttribute('data-value'));

describe('the dashboard’s tables', () => {
  it.each(LANGUAGES)('give every chart a captioned table with its column and row headers, in %s', (language) => {
    const doc = page(language);
    const { t } = createTranslator(language);
    for (const id of ['table-active', 'table-flow', 'table-value', 'table-replies', 'table-cohort', 'table-at-risk']) {
      const found = table(doc, id);
      expect(found.querySelector('caption')?.textContent, id).not.toBe('');
      expect(found.querySelectorAll('thead th[scope="col"]').length, id).toBeGreaterThan(1);
      if (id !== 'table-at-risk') expect(found.querySelectorAll('tbody th[scope="row"]').length, id).toBe(12);
    }
    expect(table(doc, 'table-flow').querySelector('caption')?.textContent).toBe(t('dashboard.flow.title'));
    // The charts are drawn for the eye only; the tables carry the numbers.
    const charts = [...doc.querySelectorAll('.kw-chart')];
    expect(charts).toHaveLength(5);
    expect(charts.every((chart) => chart.getAttribute('aria-hidden') === 'true')).toBe(true);
    expect(doc.querySelector('[data-testid="definitions"]')?.textContent).toContain(
      t('dashboard.def.quiet', { days: 60 }),
    );
  });

  it('holds the dashboard’s own numbers, month by month', () => {
    const doc = page('en');
    expect(cells(doc, 'table-active', '2026-11')).toEqual(['1']);
    expect(cells(doc, 'table-flow', '2026-09')).toEqual(['1', '0', '0']);
    expect(cells(doc, 'table-flow', '2026-07')).toEqual(['0', '0', '1']);
    expect(cells(doc, 'table-value', '2026-09')).toEqual(['12000', '0', '0']);
    expect(cells(doc, 'table-replies', '2026-11')).toEqual([String(3 * HOUR), '1', String(26 * HOUR), '1']);
    expect(cells(doc, 'table-replies', '2026-10')).toEqual([null, '0', null, '0']);
    expect(cells(doc, 'table-cohort', '2026-06')).toEqual(['1', '1', '0', '0']);
    expect(cells(doc, 'table-at-risk', 'acme.example')).toEqual(['35', '12000', '4200']);
    expect(cells(doc, 'table-at-risk', 'gone.example')).toEqual(['88', null, null]);
  });

  it.each(LANGUAGES)('writes months, durations and values in %s', (language) => {
    const doc = page(language);
    const format = dashboardFormat(createTranslator(language), 'UTC');
    const november = table(doc, 'table-replies').querySelector('tr[data-row="2026-11"]');
    expect(november?.querySelector('th')?.textContent).toBe(format.month(Date.UTC(2026, 10, 1)));
    expect(november?.querySelector('td')?.textContent).toBe(format.duration(3 * HOUR));
    const acme = table(doc, 'table-at-risk').querySelector('tr[data-row="acme.example"]');
    expect(acme?.textContent).toContain(format.value(4200));
    expect(acme?.textContent).toContain(format.chance(35));
    expect(doc.querySelector('[data-testid="table-at-risk"] tr[data-row="gone.example"]')?.textContent).toContain(
      createTranslator(language).t('popup.tier.key'),
    );
  });

  it('keeps client names and the account out of page translation, and names each client’s link', () => {
    const doc = page('en');
    const link = table(doc, 'table-at-risk').querySelector('button');
    expect(link?.getAttribute('translate')).toBe('no');
    expect(link?.getAttribute('aria-label')).toBe('Show Acme in the side panel');
    expect(doc.querySelector('h1 [translate="no"]')?.textContent).toBe('me@studio.example');
  });

  it('says so when no client is at risk, and still shows every month', () => {
    const doc = page('en', buildDashboard({ clients: [], now: NOW, timeZone: 'UTC' }));
    expect(doc.querySelector('[data-testid="at-risk-none"]')?.textContent).toBe(
      'No client has a chance of going quiet.',
    );
    expect(table(doc, 'table-active').querySelectorAll('tbody tr')).toHaveLength(12);
  });
});
