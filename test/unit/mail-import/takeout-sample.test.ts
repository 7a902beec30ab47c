import { describe, expect, it } from 'vitest';
import { normalizeSubject } from '@/lib/mail-import/subject';
import { fixtureBytes, importAll, inChunks } from './helpers';

const SEP = 'From MAILER-DAEMON Mon Jan  1 00:00:00 2024\n';

describe('a Takeout-style mbox with a copy, a message without Date and escaped body lines', () => {
  it('reads encoded words, folded headers, the Gmail thread and drops the copy', async () => {
    const { messages, counts } = await importAll(inChunks(fixtureBytes('takeout-sample.mbox'), 4096));
    expect(counts).toEqual({ read: 5, imported: 3, duplicates: 1, skippedNoDate: 1, skippedCorrupt: 0 });
    const byId = new Map(messages.map((m) => [m.id, m]));
    const first = byId.get('a1@acme.example');
    expect(first).toMatchObject({
      from: { email: 'oksana@acme.example', name: 'Оксана' },
      subject: 'Рахунок for the website',
      threadId: '1787654321987654321',
      at: Date.UTC(2024, 0, 1, 8, 0),
      // The `>From ` line is unescaped; a body line starting "From " after text does not split the message.
      snippet: 'Hello, From the start we wanted this. From here on, quoted escape.',
    });
    // The reply has no X-GM-THRID of its own: In-Reply-To puts it in the Gmail thread; quoted text is not its own words.
    expect(byId.get('a2@brightpath.studio')).toMatchObject({
      threadId: '1787654321987654321',
      snippet: 'Thanks! Paid.',
    });
    expect(byId.get('b1@other.example')?.subject).toBe('RE: [EXTERNAL] Quote');
    expect(byId.get('b1@other.example')?.threadId).not.toBe('1787654321987654321');
  });

  it('counts a message with an unreadable Date and one without sender, and goes on', async () => {
    const broken = `${SEP}Date: yesterday-ish\nFrom: a@b.example\nSubject: bad date\n\nx\n\n${SEP}Date: Tue, 2 Jan 2024 09:00:00 +0000\nSubject: no sender\n\ny\n\n`;
    const bytes = new Uint8Array([...new TextEncoder().encode(broken), ...fixtureBytes('takeout-sample.mbox')]);
    const { counts } = await importAll(inChunks(bytes, 100));
    expect(counts).toMatchObject({ read: 7, imported: 3, skippedNoDate: 2, skippedCorrupt: 1 });
  });

  it('counts every message of a second copy of the file as a duplicate', async () => {
    const bytes = fixtureBytes('takeout-sample.mbox');
    const twice = { name: 'twice', open: () => inChunks(bytes, 64) };
    const { counts } = await importAll([twice, { ...twice, name: 'again' }]);
    expect(counts).toMatchObject({ read: 10, imported: 3, duplicates: 5, skippedNoDate: 2 });
  });
});

describe('normalizeSubject', () => {
  it('drops reply prefixes in several languages and list tags', () => {
    expect(normalizeSubject('Re: FW: [EXTERNAL] Invoice  #12')).toBe('invoice #12');
    expect(normalizeSubject('Відп: Рахунок')).toBe('рахунок');
    expect(normalizeSubject('Отв: Счёт')).toBe('счёт');
    expect(normalizeSubject('AW: Angebot')).toBe('angebot');
  });
});
