import { describe, expect, it } from 'vitest';
import { dashboardCsv } from '@/lib/data/dashboard-csv';
import { buildDashboard } from '@/lib/engine/dashboard';
import { at, client, HOUR, NOW, ours, theirs } from '../engine/dashboard-fixtures';

/** RFC 4180 rows of a CSV text: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

/** The CSV's sections by title: its header and rows. */
function sectionsOf(text: string): Map<string, string[][]> {
  const sections = new Map<string, string[][]>();
  let current: string[][] | undefined;
  for (const row of parseCsv(text.replace(/^\uFEFF/, ''))) {
    if (row.length === 1 && row[0] === '') current = undefined;
    else if (!current) {
      current = [];
      sections.set(row[0] ?? '', current);
    } else current.push(row);
  }
  return sections;
}

const dashboard = buildDashboard({
  clients: [
    client('acme.example', [at(10, 1), at(11, 2)], {
      name: 'Acme, "the big one"\nLtd',
      value: 1234.5,
      chance: 40,
      replies: [ours(at(11, 2), 3), theirs(at(11, 3), 26)],
    }),
    client('evil.example', [at(6, 1)], { name: '=HYPERLINK("http://x")', chance: 90, tier: 'key' }),
  ],
  now: NOW,
  timeZone: 'Europe/Kyiv',
});
const csv = dashboardCsv(dashboard, 'me@studio.example', 'Europe/Kyiv');
const sections = sectionsOf(csv);

describe('the dashboard as CSV', () => {
  it('has one section per chart and table, in the page’s order, each with its header', () => {
    expect([...sections.keys()]).toEqual([
      'dashboard',
      'active_clients',
      'gained_and_gone_quiet',
      'value',
      'reply_times',
      'most_at_risk',
      'first_90_days',
    ]);
    expect(sections.get('dashboard')).toEqual([
      ['account', 'as_of', 'time_zone', 'active_now', 'quiet_after_days', 'history_starts'],
      ['me@studio.example', new Date(NOW).toISOString(), 'Europe/Kyiv', '1', '60', new Date(at(6, 1)).toISOString()],
    ]);
    for (const name of ['active_clients', 'gained_and_gone_quiet', 'value', 'reply_times', 'first_90_days']) {
      expect(sections.get(name)?.length, name).toBe(13);
    }
  });

  it('gives the dashboard’s own numbers, reply times in hours', () => {
    const november = sections.get('reply_times')?.find((row) => row[0] === '2026-11');
    expect(november).toEqual(['2026-11', '3', '1', '26', '1']);
    const october = sections.get('gained_and_gone_quiet')?.find((row) => row[0] === '2026-10');
    expect(october).toEqual(['2026-10', '1', '0', '0']);
    expect(sections.get('value')?.find((row) => row[0] === '2026-10')).toEqual(['2026-10', '1234.5', '0', '0']);
    expect(sections.get('active_clients')?.at(-1)).toEqual(['2026-11', String(dashboard.activeNow)]);
    expect(dashboard.months.at(-1)?.ourMedianReplyMs).toBe(3 * HOUR);
  });

  it('quotes names with commas, quotes and line breaks, and keeps a formula as text', () => {
    expect(sections.get('most_at_risk')).toEqual([
      ['client_key', 'name', 'whose', 'chance_percent', 'value', 'tier', 'value_at_risk'],
      ['acme.example', 'Acme, "the big one"\nLtd', '', '40', '1234.5', '', '493.8'],
      ['evil.example', '\'=HYPERLINK("http://x")', '', '90', '', 'key', ''],
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('still has every section, with its header, for an account without clients', () => {
    const empty = sectionsOf(
      dashboardCsv(buildDashboard({ clients: [], now: NOW, timeZone: 'UTC' }), 'a@b.example', 'UTC'),
    );
    expect(empty.size).toBe(7);
    expect(empty.get('most_at_risk')).toEqual([
      ['client_key', 'name', 'whose', 'chance_percent', 'value', 'tier', 'value_at_risk'],
    ]);
  });
});
