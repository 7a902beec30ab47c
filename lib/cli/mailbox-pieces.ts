// A large mbox file is one long run of messages; given to one thread whole, it
// leaves the other idle (Enron's inboxes hold most of a mailbox's bytes). So
// each one is cut into pieces at message separators, which the two parsing
// threads claim like files. A piece starts at a `From ` line that the mbox
// splitter reading the whole file takes for a separator (it follows a blank
// line) and that is read as an mbox on its own (detect-format.ts): the pieces
// give the same messages, byte for byte, as the file.
import { readFileSync } from 'node:fs';
import { detectMailboxFormat, SNIFF_BYTES } from '@/lib/mail-import/detect-format';
import { SEPARATOR } from '@/lib/mail-import/mbox-splitter';
import { type MailboxFile, WHOLE_FILE_MAX_BYTES } from './whole-file-sources';

const LF = 0x0a;
const CR = 0x0d;
const FROM_LINE = new Uint8Array([LF, 0x46, 0x72, 0x6f, 0x6d, 0x20]);
const latin1 = new TextDecoder('latin1');
// A separator line is short; this bounds the text decoded to check one.
const MAX_SEPARATOR_BYTES = 1024;

/** `files` with every mbox file of more than two pieces' bytes (and read whole) cut into pieces of about `pieceBytes`. */
export function mailboxPieces(files: readonly MailboxFile[], pieceBytes: number): MailboxFile[] {
  return files.flatMap((file) => {
    const size = file.size ?? 0;
    if (size <= 2 * pieceBytes || size > WHOLE_FILE_MAX_BYTES || file.start !== undefined) return [file];
    const bytes = readFileSync(file.path);
    if (detectMailboxFormat(bytes.subarray(0, SNIFF_BYTES)).format !== 'mbox') return [file];
    const cuts = [0];
    for (let target = pieceBytes; target < bytes.length - pieceBytes; ) {
      const cut = separatorFrom(bytes, target);
      if (cut === undefined || cut >= bytes.length - pieceBytes / 2) break;
      cuts.push(cut);
      target = cut + pieceBytes;
    }
    cuts.push(bytes.length);
    return cuts.slice(1).map((end, i) => ({ ...file, start: cuts[i] as number, end, size: end - (cuts[i] as number) }));
  });
}

/** The offset of the first separator line at or after `from` that a piece may start with. */
function separatorFrom(bytes: Uint8Array, from: number): number | undefined {
  let at = from;
  for (;;) {
    const found = bytes.indexOf(FROM_LINE[1] as number, at);
    if (found === -1) return undefined;
    at = found + 1;
    if (found < 2 || !startsWith(bytes, found - 1, FROM_LINE) || !followsBlankLine(bytes, found - 1)) continue;
    const lineEnd = bytes.indexOf(LF, found);
    const line = bytes.subarray(found, lineEnd === -1 ? bytes.length : lineEnd);
    if (line.length > MAX_SEPARATOR_BYTES || !SEPARATOR.test(latin1.decode(line))) continue;
    if (detectMailboxFormat(bytes.subarray(found, found + SNIFF_BYTES)).format !== 'mbox') continue;
    return found;
  }
}

function startsWith(bytes: Uint8Array, at: number, prefix: Uint8Array): boolean {
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
  return true;
}

/** Whether the line ending with the LF at `newline` follows a blank line (LF or CR LF alone). */
function followsBlankLine(bytes: Uint8Array, newline: number): boolean {
  const before = bytes[newline - 1];
  if (before === LF) return true;
  return before === CR && bytes[newline - 2] === LF;
}
