// Gmail ids, locale-free (DOM notes §1.4–1.6). A `thread-f:`/`msg-f:` decimal
// is the legacy hex id read as a number, and that number shifted right by 20
// bits is the time Gmail created the message, in epoch milliseconds.

export interface GmailId {
  /** The decimal form used in `#thread-f:` / `#msg-f:`. */
  decimal: string;
  hex: string;
}

// Gmail's first day (2004-04-01): an earlier "time" means the id is not a time-coded one.
const GMAIL_LAUNCH = Date.UTC(2004, 3, 1);
const ONE_DAY = 86_400_000;

/** Reads `#thread-f:123`, `thread-a:r-123`, `msg-f:123|msg-f:456`; refuses "undefined", drafts and junk. */
export function parseDecimalId(raw: string | null | undefined): GmailId | undefined {
  if (!raw) return undefined;
  const value = raw.split('|')[0]?.trim().replace(/^#/, '') ?? '';
  const match = /^(?:thread|msg)-[af]:(\d{1,25})$/.exec(value);
  if (!match?.[1]) return undefined;
  const number = BigInt(match[1]);
  return { decimal: number.toString(10), hex: number.toString(16) };
}

/** Reads a legacy hex id as Gmail writes it in `data-legacy-*` attributes. */
export function parseHexId(raw: string | null | undefined): GmailId | undefined {
  const value = raw?.trim().toLowerCase() ?? '';
  if (!/^[0-9a-f]{12,20}$/.test(value)) return undefined;
  const number = BigInt(`0x${value}`);
  return { decimal: number.toString(10), hex: number.toString(16) };
}

/** The creation time coded in an id, or undefined when the id does not code a plausible time. */
export function timeFromId(id: GmailId | undefined, now: number): number | undefined {
  if (!id) return undefined;
  const at = Number(BigInt(id.decimal) >> 20n);
  return at >= GMAIL_LAUNCH && at <= now + ONE_DAY ? at : undefined;
}
