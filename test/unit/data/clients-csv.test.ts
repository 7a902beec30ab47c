import { describe, expect, it } from 'vitest';
import { CLIENT_CSV_COLUMNS, clientsCsv, csvField } from '@/lib/data/clients-csv';
import type { StoredClient } from '@/lib/data/stored-rows';

const HOUR = 3_600_000;

function client(key: string, riskScore: number, displayName: string, reason?: string): StoredClient {
  return {
    account: 'olena@brightpath.studio',
    key,
    riskScore,
    waitingOnUsSince: riskScore > 50 ? Date.UTC(2026, 10, 18, 9) : undefined,
    computedAt: 0,
    report: {
      key,
      displayName,
      risk: { score: riskScore, level: riskScore > 50 ? 'high' : 'low', reasons: reason ? [{ text: reason }] : [] },
      metrics: {
        lastInboundAt: Date.UTC(2026, 10, 18, 9),
        lastOutboundAt: Date.UTC(2026, 10, 17, 15),
        latency: { ours: { count: 3, medianMs: 5.5 * HOUR }, theirs: { count: 0 } },
      },
    } as unknown as StoredClient['report'],
  };
}

/** A small RFC 4180 reader, to check the file reads back to the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('clients as CSV', () => {
  it('quotes commas, quotes and line breaks, and keeps formulas from running', () => {
    expect(csvField('Acme, Inc.')).toBe('"Acme, Inc."');
    expect(csvField('The "Best" Co')).toBe('"The ""Best"" Co"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded ')).toBe('" padded "');
    for (const formula of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(csvField(formula).replace(/^"/, '').startsWith("'"), formula).toBe(true);
    }
    expect(csvField(-3.5)).toBe('-3.5');
    expect(csvField(undefined)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('writes one row per client, riskiest first, that reads back to the same cells', () => {
    const csv = clientsCsv([
      client('calm.com', 10, 'Calm Co'),
      client('acme.com', 80, '=cmd|"/c calc"!A1', 'waiting 2 days for your reply, you usually answer in 5 h'),
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...CLIENT_CSV_COLUMNS]);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual([
      'olena@brightpath.studio',
      'acme.com',
      `'=cmd|"/c calc"!A1`,
      '80',
      'high',
      'waiting 2 days for your reply, you usually answer in 5 h',
      '2026-11-18T09:00:00.000Z',
      '5.5',
      '',
      '2026-11-18T09:00:00.000Z',
    ]);
    expect(rows[2]?.slice(1, 3)).toEqual(['calm.com', 'Calm Co']);
    expect(rows[2]?.[6]).toBe('');
  });
});
