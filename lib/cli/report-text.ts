import { formatDuration } from '@/lib/engine/format';
import type { ReportResult } from './commands/report';

const CLIENTS_SHOWN = 40;

/** The report for a person at a terminal: counts, then the clients likeliest to go quiet (chance in 60 days) with their reasons. */
export function printReport({ asOf, counts, clients, setAside }: ReportResult): void {
  const lines = [
    `As of ${new Date(asOf).toISOString().slice(0, 16).replace('T', ' ')} UTC: ${counts.imported} messages (${counts.duplicates} duplicate copies, ${counts.skippedNoDate + counts.skippedCorrupt} unreadable), ${clients.length} clients; ${setAside.length} set aside as automated or bulk mail (--json lists them and why).`,
    '',
  ];
  for (const client of clients.slice(0, CLIENTS_SHOWN)) {
    const m = client.metrics;
    const details = [
      m.waiting.onUs ? `waiting on you ${formatDuration(asOf - m.waiting.onUs.since)}` : '',
      m.waiting.onThem ? `waiting on them ${formatDuration(asOf - m.waiting.onThem.since)}` : '',
      m.latency.ours.medianMs !== undefined ? `you reply in ${formatDuration(m.latency.ours.medianMs)}` : '',
      m.latency.theirs.medianMs !== undefined ? `they reply in ${formatDuration(m.latency.theirs.medianMs)}` : '',
      m.bgnbd?.pAlive !== undefined ? `P(alive) ${Math.round(m.bgnbd.pAlive * 100)}%` : '',
    ].filter(Boolean);
    lines.push(`${`${client.risk.score}%`.padStart(4)} ${client.risk.level.padEnd(8)} ${client.key}`);
    if (details.length) lines.push(`             ${details.join(' · ')}`);
    for (const reason of client.risk.reasons.slice(0, 3)) lines.push(`             - ${reason.text}`);
  }
  if (clients.length > CLIENTS_SHOWN) lines.push('', `… and ${clients.length - CLIENTS_SHOWN} more (--json for all).`);
  console.log(lines.join('\n'));
}
