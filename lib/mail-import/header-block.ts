// Splits a raw header block into fields. Values are unfolded (RFC 5322 §2.2.3)
// but not decoded: encoded words and addresses are postal-mime's job.
//
// Every message of an export passes here, and a third of an archive's bytes
// are headers (Enron's carry every recipient twice), so the block is walked
// line by line with indexOf and each field name read character by character,
// rather than split with one regular expression and matched with another.

const utf8 = new TextDecoder('utf-8');
const TAB = 0x09;
const SPACE = 0x20;
const COLON = 0x3a;
const CR = 0x0d;

export class HeaderBlock {
  private readonly fields = new Map<string, string[]>();
  /** False when the block does not start with a header field: not a message. */
  readonly wellFormed: boolean;

  constructor(bytes: Uint8Array) {
    // 8-bit header text is UTF-8 in practice (RFC 6532); other bytes show as U+FFFD.
    const text = utf8.decode(bytes);
    let name: string | undefined;
    let value = '';
    const flush = () => {
      if (name === undefined) return;
      const values = this.fields.get(name);
      if (values) values.push(value.trim());
      else this.fields.set(name, [value.trim()]);
    };
    let wellFormed = false;
    for (let start = 0; start <= text.length; ) {
      const newline = text.indexOf('\n', start);
      const end = newline === -1 ? text.length : newline;
      // A line ends at LF, with the CR before it when there is one.
      const line = text.slice(start, end > start && newline !== -1 && text.charCodeAt(end - 1) === CR ? end - 1 : end);
      const first = start === 0;
      start = end + 1;
      if (line === '') break;
      const lead = line.charCodeAt(0);
      if ((lead === SPACE || lead === TAB) && name !== undefined) {
        value += line;
        continue;
      }
      const valueAt = fieldValueAt(line);
      if (first) wellFormed = valueAt !== -1;
      flush();
      name = valueAt === -1 ? undefined : line.slice(0, nameLength(line)).toLowerCase();
      value = valueAt === -1 ? '' : line.slice(valueAt);
    }
    flush();
    this.wellFormed = wellFormed;
  }

  /** The first value of a field, as RFC 5322 reads single-instance fields. */
  get(name: string): string | undefined {
    return this.fields.get(name)?.[0];
  }

  /** Every value of a field, in order (To and Cc may repeat). */
  all(name: string): string[] {
    return this.fields.get(name) ?? [];
  }
}

/** Characters of the field name at the start of `line`: printable ASCII but the colon. */
function nameLength(line: string): number {
  let i = 0;
  for (; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code < 0x21 || code > 0x7e || code === COLON) break;
  }
  return i;
}

/**
 * Where the value of `line` starts when it is a header field (a name, spaces
 * or tabs, a colon, spaces or tabs), else -1.
 */
function fieldValueAt(line: string): number {
  let i = nameLength(line);
  if (i === 0) return -1;
  while (line.charCodeAt(i) === SPACE || line.charCodeAt(i) === TAB) i++;
  if (line.charCodeAt(i) !== COLON) return -1;
  i++;
  while (line.charCodeAt(i) === SPACE || line.charCodeAt(i) === TAB) i++;
  return i;
}
