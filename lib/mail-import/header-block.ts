// Splits a raw header block into fields. Values are unfolded (RFC 5322 §2.2.3)
// but not decoded: encoded words and addresses are postal-mime's job.

const FIELD = /^([\x21-\x39\x3b-\x7e]+)[ \t]*:[ \t]*(.*)$/s;
const utf8 = new TextDecoder('utf-8');

export class HeaderBlock {
  private readonly fields = new Map<string, string[]>();
  /** False when the block does not start with a header field: not a message. */
  readonly wellFormed: boolean;

  constructor(bytes: Uint8Array) {
    // 8-bit header text is UTF-8 in practice (RFC 6532); other bytes show as U+FFFD.
    const lines = utf8.decode(bytes).split(/\r?\n/);
    let name: string | undefined;
    let value = '';
    const flush = () => {
      if (name === undefined) return;
      const values = this.fields.get(name);
      if (values) values.push(value.trim());
      else this.fields.set(name, [value.trim()]);
    };
    for (const line of lines) {
      if (line === '') break;
      if ((line[0] === ' ' || line[0] === '\t') && name !== undefined) {
        value += line;
        continue;
      }
      const match = FIELD.exec(line);
      flush();
      name = match ? (match[1] as string).toLowerCase() : undefined;
      value = match ? (match[2] as string) : '';
    }
    flush();
    this.wellFormed = FIELD.test(lines[0] ?? '');
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
