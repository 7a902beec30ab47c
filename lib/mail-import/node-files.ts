// Node only: turns a path given on the command line into mailbox sources.
// A folder is searched recursively; mbox files are recognised by their first
// bytes, not their name, since exports name them freely (Enron's
// "enron.sager-e.inbox", Thunderbird's extensionless "Inbox").
// The folder is listed and each file's first bytes read with synchronous
// calls: a command line has nothing else to do meanwhile, and a mailbox of
// dozens of files would otherwise wait on a hundred round trips through
// Node's thread pool before reading its first message.

import { closeSync, createReadStream, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { detectMailboxFormat, SNIFF_BYTES } from './detect-format';
import type { MailboxSource } from './read-mailbox';

const READ_CHUNK_BYTES = 256 * 1024;

/**
 * The mailbox sources at `path`: the file itself (its format is checked when
 * the import starts), or every mbox and .eml file under the folder, in name order.
 */
export async function mailboxSourcesAt(path: string): Promise<MailboxSource[]> {
  const info = statOf(path);
  if (info.isFile()) return [fileSource(path, path, info.size)];
  if (!info.isDirectory()) throw new Error(`${path} is neither a file nor a folder`);

  const sources: MailboxSource[] = [];
  for (const file of filesUnder(path)) {
    if (sniff(file) !== null) sources.push(fileSource(file, relative(path, file), statSync(file).size));
  }
  if (sources.length === 0) throw new Error(`no mbox or .eml files found under ${path}`);
  return sources;
}

function fileSource(path: string, name: string, size: number): MailboxSource {
  return { name, size, open: () => createReadStream(path, { highWaterMark: READ_CHUNK_BYTES }) };
}

function statOf(path: string) {
  try {
    return statSync(path);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new Error(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file or folder' : message}`);
  }
}

function filesUnder(folder: string): string[] {
  const entries = readdirSync(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    // Hidden entries are system files (.DS_Store) or index data, never mail.
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...filesUnder(path));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

function sniff(path: string): string | null {
  const handle = openSync(path, 'r');
  try {
    const head = new Uint8Array(SNIFF_BYTES);
    const bytesRead = readSync(handle, head, 0, SNIFF_BYTES, 0);
    return detectMailboxFormat(head.subarray(0, bytesRead)).format;
  } finally {
    closeSync(handle);
  }
}
