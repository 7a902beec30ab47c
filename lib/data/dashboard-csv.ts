// The whole dashboard as one spreadsheet: a section per chart and table, each a
// title row, a header row and its rows, a blank row between sections. Column
// names and units are fixed (hours, ISO months) like the clients' CSV, so a
// spreadsheet reads them in any language.
import { QUIET_AFTER_DAYS } from '@/lib/engine/active-spans';
import type { Dashboard } from '@/lib/engine/dashboard';
import { csvField } from './clients-csv';

type Cell = string | number | undefined;

const hours = (ms: number | undefined) => (ms === undefined ? undefined : Math.round((ms / 3_600_000) * 100) / 100);
const iso = (at: number) => new Date(at).toISOString();
const money = (value: number | undefined) => (value === undefined ? undefined : Math.round(value * 100) / 100);

function section(title: string, header: readonly string[], rows: readonly Cell[][]): string[] {
  return [title, header.join(','), ...rows.map((row) => row.map(csvField).join(','))];
}

export function dashboardCsv(dashboard: Dashboard, account: string, timeZone: string): string {
  const { months } = dashboard;
  const sections = [
    section(
      'dashboard',
      ['account', 'as_of', 'time_zone', 'active_now', 'quiet_after_days', 'history_starts'],
      [
        [
          account,
          iso(dashboard.now),
          timeZone,
          dashboard.activeNow,
          QUIET_AFTER_DAYS,
          dashboard.historyStartsAt === undefined ? undefined : iso(dashboard.historyStartsAt),
        ],
      ],
    ),
    section(
      'active_clients',
      ['month', 'active'],
      months.map((m) => [m.month, m.active]),
    ),
    section(
      'gained_and_gone_quiet',
      ['month', 'gained', 'came_back', 'gone_quiet'],
      months.map((m) => [m.month, m.gained, m.returned, m.quiet]),
    ),
    section(
      'value',
      ['month', 'value_gained', 'value_came_back', 'value_gone_quiet'],
      months.map((m) => [m.month, money(m.gainedValue), money(m.returnedValue), money(m.quietValue)]),
    ),
    section(
      'reply_times',
      ['month', 'your_median_reply_hours', 'your_replies', 'their_median_reply_hours', 'their_replies'],
      months.map((m) => [
        m.month,
        hours(m.ourMedianReplyMs),
        m.ourReplies,
        hours(m.theirMedianReplyMs),
        m.theirReplies,
      ]),
    ),
    section(
      'most_at_risk',
      ['client_key', 'name', 'whose', 'chance_percent', 'value', 'tier', 'value_at_risk'],
      dashboard.atRisk.map((c) => [
        c.key,
        c.name,
        c.whose.join('; ') || undefined,
        c.chance,
        money(c.value),
        c.tier,
        money(c.valueAtRisk),
      ]),
    ),
    section(
      'first_90_days',
      ['first_contact_month', 'clients', 'past_day_90', 'active_on_day_90', 'active_now'],
      dashboard.cohorts.map((c) => [c.month, c.clients, c.reached90Days, c.activeAt90Days, c.activeNow]),
    ),
  ];
  // The byte order mark makes spreadsheets read the names as UTF-8.
  return `\uFEFF${sections.map((lines) => lines.join('\r\n')).join('\r\n\r\n')}\r\n`;
}
