// Reads a customer-by-sufficient-statistic table (as published with the CDNOW
// data) into BG/NBD rows, naming the line of anything it cannot use.
import { assertValidCustomer, type BgNbdCustomer } from './bgnbd';

const COLUMN_NAMES = {
  x: ['frequency', 'x'],
  tx: ['recency', 't_x', 'tx'],
  T: ['t'],
} as const;

export class SummaryFormatError extends Error {}

/** Lines starting with "#" before the header are comments (our fixtures say where they come from). */
export function parseBgNbdSummaryCsv(text: string): BgNbdCustomer[] {
  const all = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const skipped = Math.max(
    0,
    all.findIndex((line) => !line.startsWith('#')),
  );
  const lines = all.slice(skipped);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim().toLowerCase());
  const column = (names: readonly string[], label: string) => {
    const index = header.findIndex((h) => names.includes(h));
    if (index < 0) {
      throw new SummaryFormatError(
        `line ${skipped + 1}: no ${label} column; expected a header with frequency,recency,T (or x,t_x,T), got "${lines[0] ?? ''}"`,
      );
    }
    return index;
  };
  const ix = column(COLUMN_NAMES.x, 'frequency');
  const itx = column(COLUMN_NAMES.tx, 'recency');
  const iT = column(COLUMN_NAMES.T, 'T');
  const customers: BgNbdCustomer[] = [];
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '') return;
    const lineNumber = i + 2 + skipped;
    const cells = line.split(',');
    const read = (index: number, name: string) => {
      const cell = cells[index]?.trim() ?? '';
      const value = cell === '' ? Number.NaN : Number(cell);
      if (!Number.isFinite(value))
        throw new SummaryFormatError(`line ${lineNumber}: ${name} is not a number: "${cell}"`);
      return value;
    };
    const customer = { x: read(ix, 'frequency'), tx: read(itx, 'recency'), T: read(iT, 'T') };
    try {
      assertValidCustomer(customer, `line ${lineNumber}`);
    } catch (error) {
      throw new SummaryFormatError((error as Error).message);
    }
    customers.push(customer);
  });
  if (customers.length === 0) throw new SummaryFormatError('no data rows after the header');
  return customers;
}
