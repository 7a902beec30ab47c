import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport, readMailboxMessages } from '@/lib/cli/commands/report';
import { analyzeAccount } from '@/lib/engine/analyze';

// The report reads snippets of its clients' messages only: the user's own
// bodies are not decoded, and the report is exactly the one of a full read.
const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/mail-import');

describe.each([
  ['takeout-sample.mbox', 'olena@brightpath.studio'],
  ['bulk', 'olena@agency.example'],
])('the report of %s', (name, me) => {
  const target = path.join(FIXTURES, name);
  const identity = { addresses: [me], internalDomains: [me.split('@')[1] ?? ''] };

  it('leaves out the snippets of the user’s side only', async () => {
    const full = await readMailboxMessages(target);
    const read = await readMailboxMessages(target, identity);
    expect(read.counts).toEqual(full.counts);
    expect(read.messages.map((m) => ({ ...m, snippet: '' }))).toEqual(
      full.messages.map((m) => ({ ...m, snippet: '' })),
    );
    for (const [i, m] of read.messages.entries()) {
      const ours = m.from.email.endsWith(`@${identity.internalDomains[0]}`);
      expect(m.snippet).toBe(ours ? '' : full.messages[i]?.snippet);
    }
  });

  it('is the report of every snippet', async () => {
    const { messages } = await readMailboxMessages(target);
    const asOf = Math.max(...messages.map((m) => m.at));
    const full = analyzeAccount({ messages, identity, now: asOf });
    const report = await buildReport(target, { identity, groupBy: 'domain' });
    expect(report.clients).toEqual(full.clients);
    expect(report.setAside).toEqual(full.setAside);
  });
});
