// Gmail ids, locale-free (DOM notes §1.4–1.6). A `thread-f:`/`msg-f:` decimal
// is the legacy hex id read as a number, and that number shifted right by 20
// bits is the time Gmail created the message, in epoch milliseconds.

export interface GmailId {
  /** The decimal form used in `#thread-f:` / `#msg-f:`. */
  readonly decimal: string;
  readonly hex: string;
}

/** Converts between the two forms only when asked: most ids are read for one form alone. */
class LazyId implements GmailId {
  private decimalForm?: string;
  private hexForm?: string;

  constructor(form: { decimal: string } | { hex: string }) {
    if ('decimal' in form) this.decimalForm = form.decimal;
    else this.hexForm = form.hex;
  }

  get decimal(): string {
    this.decimalForm ??= BigInt(`0x${this.hexForm}`).toString(10);
    return this.decimalForm;
  }

  get hex(): string {
    this.hexForm ??= BigInt(this.decimalForm ?? '0').toString(16);
    return this.hexForm;
  }
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
  return new LazyId({ decimal: match[1].replace(/^0+(?=\d)/, '') });
}

/** Reads a legacy hex id as Gmail writes it in `data-legacy-*` attributes. */
export function parseHexId(raw: string | null | undefined): GmailId | undefined {
  const value = raw?.trim().toLowerCase() ?? '';
  if (!/^[0-9a-f]{12,20}$/.test(value)) return undefined;
  return new LazyId({ hex: value.replace(/^0+(?=[0-9a-f])/, '') });
}

/** The creation time coded in an id, or undefined when the id does not code a plausible time. */
export function timeFromId(id: GmailId | undefined, now: number): number | undefined {
  if (!id) return undefined;
  // Shifting right by 20 bits drops the last five hex digits; no BigInt needed.
  const at = id.hex.length > 5 ? Number.parseInt(id.hex.slice(0, -5), 16) : 0;
  return at >= GMAIL_LAUNCH && at <= now + ONE_DAY ? at : undefined;
}
