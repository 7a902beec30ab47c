import { readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeAccount } from '@/lib/engine/analyze';
import { importedMessageSchema } from '@/lib/features/mailbox-import/messages';
import { MboxSplitter } from '@/lib/mail-import/mbox-splitter';
import { mailboxSourcesAt } from '@/lib/mail-import/node-files';
import { parseMessage } from '@/lib/mail-import/parse-message';
import { FIXTURES, fixtureBytes, importAll } from './helpers';

const BULK = path.join(FIXTURES, 'bulk');

function bulkOf(bytes: Uint8Array) {
  const splitter = new MboxSplitter('eml');
  const [raw] = [...splitter.push(bytes), ...splitter.end()];
  if (!raw) throw new Error('no message');
  const outcome = parseMessage(raw);
  if (outcome.kind !== 'message') throw new Error(outcome.reason);
  return outcome.message.bulk;
}

describe('what an imported message’s headers say about it', () => {
  it.each([
    ['auto-reply.eml', { kind: 'header', header: 'auto-submitted' }],
    ['auto-submitted-no.eml', undefined],
    ['list-id.eml', { kind: 'header', header: 'list-id' }],
    ['precedence-bulk.eml', { kind: 'header', header: 'precedence' }],
    ['list-unsubscribe.eml', { kind: 'header', header: 'list-unsubscribe' }],
    ['invitation.eml', { kind: 'calendar' }],
    ['invitation-base64.eml', { kind: 'calendar' }],
    ['invitation-reply.eml', undefined],
  ])('%s', (file, expected) => {
    expect(bulkOf(fixtureBytes(`bulk/${file}`))).toEqual(expected);
  });

  it('covers every fixture of the folder', () => {
    expect(readdirSync(BULK).length).toBe(8);
  });

  it('reads nothing into a plain message, whatever its text says', () => {
    const text =
      'From: a@b.example\nDate: Mon, 1 Jan 2024 10:00:00 +0000\nSubject: Unsubscribe me\n\nList-Id: in the body\nMETHOD:REQUEST\n';
    expect(bulkOf(new TextEncoder().encode(text))).toBeUndefined();
  });

  it('never throws on mangled Content-Type and Precedence values, and keeps what the batch schema accepts', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (contentType, precedence, body) => {
        const clean = (s: string) => s.replace(/[\r\n]/g, ' ');
        const text = `From: a@b.example\nDate: Mon, 1 Jan 2024 10:00:00 +0000\nContent-Type: ${clean(contentType)}\nPrecedence: ${clean(precedence)}\nAuto-Submitted: ${clean(precedence)}\n\n${body}`;
        const bulk = bulkOf(new TextEncoder().encode(text));
        if (bulk) expect(importedMessageSchema.shape.bulk.parse(bulk)).toEqual(bulk);
      }),
    );
  });

  it('carries the evidence through an import to the engine, which counts none of it as a client’s contact', async () => {
    const { messages } = await importAll(await mailboxSourcesAt(BULK));
    expect(messages).toHaveLength(8);
    const now = Date.parse('2024-04-03T00:00:00Z');
    const identity = { addresses: ['olena@agency.example'], internalDomains: ['agency.example'] };
    const { clients, setAside } = analyzeAccount({ messages, identity, now, settings: { timeZone: 'UTC' } });
    // Dana's one personal message counts, and the user's acceptance; her auto-reply and invitations do not.
    expect(clients.map((c) => [c.key, c.metrics.inbound, c.metrics.outbound])).toEqual([['client.example', 1, 1]]);
    expect(setAside.map((c) => [c.key, c.senders[0]?.signal.kind])).toEqual([
      ['writer.example', 'header'],
      ['shop.example', 'header'],
      ['member.example', 'header'],
    ]);
  });
});
