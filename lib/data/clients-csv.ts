// Clients as a spreadsheet: one row per client, the numbers in plain units
// (hours, ISO times) so any spreadsheet reads them without a format.
import type { StoredClient } from '@/lib/data/stored-rows';

export const CLIENT_CSV_COLUMNS = [
  'account',
  'client_key',
  'name',
  'risk_score',
  'risk_level',
  'top_reason',
  'waiting_on_you_since',
  'your_median_reply_hours',
  'their_median_reply_hours',
  'last_contact',
] as const;

type Cell = string | number | undefined;

/**
 * One CSV field. A text starting with = + - @ (or a tab or carriage return) is
 * what spreadsheets run as a formula: such a text, which a client's name or
 * subject can be, gets a leading apostrophe so it stays text. Numbers are ours
 * and written as they are.
 */
export function csvField(value: Cell): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const iso = (at: number | undefined) => (at === undefined ? undefined : new Date(at).toISOString());
const hours = (ms: number | undefined) => (ms === undefined ? undefined : Math.round((ms / 3_600_000) * 100) / 100);

function lastContact(client: StoredClient): number | undefined {
  const { lastInboundAt, lastOutboundAt } = client.report.metrics;
  const times = [lastInboundAt, lastOutboundAt].filter((t): t is number => t !== undefined);
  return times.length > 0 ? Math.max(...times) : undefined;
}

function row(client: StoredClient): Cell[] {
  const { report } = client;
  return [
    client.account,
    client.key,
    report.displayName,
    client.riskScore,
    report.risk.level,
    report.risk.reasons[0]?.text,
    iso(client.waitingOnUsSince),
    hours(report.metrics.latency.ours.medianMs),
    hours(report.metrics.latency.theirs.medianMs),
    iso(lastContact(client)),
  ];
}

/** RFC 4180 CSV (CRLF line ends) with a header, riskiest clients first; a BOM so spreadsheets read UTF-8. */
export function clientsCsv(clients: readonly StoredClient[]): string {
  const sorted = [...clients].sort(
    (a, b) => b.riskScore - a.riskScore || a.account.localeCompare(b.account) || a.key.localeCompare(b.key),
  );
  const lines = [CLIENT_CSV_COLUMNS.join(','), ...sorted.map((client) => row(client).map(csvField).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
