import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { addressParser } from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { HeaderBlock } from '@/lib/mail-import/header-block';
import { MboxSplitter } from '@/lib/mail-import/mbox-splitter';
import { mailboxSourcesAt } from '@/lib/mail-import/node-files';
import { simpleAddressList } from '@/lib/mail-import/simple-addresses';

// The plain-header reader must give exactly what postal-mime's full parser
// gives, wherever it answers: on every From, To and Cc value of the real
// mailboxes beside the checkout, and on hand-made edge cases everywhere.
const EMAIL = path.resolve(import.meta.dirname, '../../..', '..', 'shared', 'data', 'email');

function agrees(value: string): boolean {
  const simple = simpleAddressList(value);
  if (simple !== undefined) expect({ value, parsed: simple }).toEqual({ value, parsed: addressParser(value) });
  return simple !== undefined;
}

async function addressHeaders(folder: string): Promise<Set<string>> {
  const values = new Set<string>();
  for (const source of await mailboxSourcesAt(folder)) {
    const bytes = new Uint8Array(readFileSync(path.join(folder, source.name)));
    const splitter = new MboxSplitter('mbox');
    for (const raw of [...splitter.push(bytes), ...splitter.end()]) {
      const headers = new HeaderBlock(raw.header);
      for (const name of ['from', 'to', 'cc']) for (const value of headers.all(name)) values.add(value);
    }
  }
  return values;
}

describe('simpleAddressList', () => {
  it.each([
    'a@x.com',
    'a@x.com, b@y.org',
    'a@x.com,\tb@y.org,\tJane\tDoe <\tjane@x.com>',
    ' a@x.com ,, b@y.org , ',
    'Jane Doe <jane@x.com>',
    'Jane   Doe <jane@x.com>, <bob@y.org>, carol@z.net',
    '<  spaced@x.com  >',
    'Some Team <team@x.com>',
    '',
  ])('reads %j as postal-mime does', (value) => {
    expect(agrees(value)).toBe(true);
  });

  it.each([
    '"Doe, Jane" <jane@x.com>',
    'jane@x.com (Jane)',
    'Team: a@x.com, b@x.com;',
    '=?utf-8?q?J=C3=A4ne?= <jane@x.com>',
    'a@x.com; b@y.org',
    'Jane <jane@x.com> extra',
    'a@x.com b@y.org',
    'Jäne <jane@x.com>',
    'no address here',
    'Jane <jane at x.com>',
    'jane@x.com <jane@x.com>',
  ])('leaves %j to the full parser', (value) => {
    expect(simpleAddressList(value)).toBeUndefined();
  });

  it.skipIf(!existsSync(EMAIL))(
    'agrees with postal-mime on every address header of the real mailboxes',
    async () => {
      let plain = 0;
      let all = 0;
      for (const group of ['enron-mbox', 'enron-more']) {
        for (const mailbox of readdirNames(path.join(EMAIL, group))) {
          for (const value of await addressHeaders(path.join(EMAIL, group, mailbox))) {
            all++;
            if (agrees(value)) plain++;
          }
        }
      }
      // Most headers take the plain path, or it would not be worth having.
      expect(plain / all).toBeGreaterThan(0.5);
    },
    300_000,
  );
});

function readdirNames(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}
