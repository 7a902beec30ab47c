import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readMailboxMessages } from '@/lib/cli/commands/report';
import type { EvaluationMailbox } from '@/lib/engine/risk-model/evaluation-types';
import type { MailMessage } from '@/lib/engine/types';

// The 24 Enron mailboxes the risk model is fitted and evaluated on, read once
// and kept reduced (who wrote to whom, when, in which thread) in the system's
// temporary folder: parsing them all takes minutes, the reduced lists load in
// a second. The cache lives outside the project and holds no subject or text.

export const EMAIL_DATA = path.resolve(import.meta.dirname, '../../../shared/data/email');
const CACHE = path.join(os.tmpdir(), 'keepwarm-risk-mailboxes-v1');

const FIRST_THREE = [
  ['sager-e', 'elizabeth.sager@enron.com'],
  ['buy-r', 'rick.buy@enron.com'],
  ['parks-j', 'joe.parks@enron.com'],
] as const;

export interface MailboxSource {
  name: string;
  dir: string;
  me: string;
}

/** Every mailbox beside the checkout with its owner, the first three first; empty when the data is absent. */
export function mailboxSources(): MailboxSource[] {
  const sources: MailboxSource[] = FIRST_THREE.map(([name, me]) => ({
    name,
    dir: path.join(EMAIL_DATA, 'enron-mbox', name),
    me,
  }));
  const owners = path.join(EMAIL_DATA, 'enron-more', 'OWNERS.tsv');
  if (existsSync(owners)) {
    for (const line of readFileSync(owners, 'utf8').split('\n').slice(1)) {
      const [name, me] = line.trim().split('\t');
      if (name && me) sources.push({ name, dir: path.join(EMAIL_DATA, 'enron-more', name), me });
    }
  }
  return sources.filter((s) => existsSync(s.dir));
}

type Reduced = [id: string, threadId: string, at: number, from: string, to: string[], cc: string[]];

const toMessage = ([id, threadId, at, from, to, cc]: Reduced): MailMessage => ({
  id,
  threadId,
  at,
  from: { email: from },
  to: to.map((email) => ({ email })),
  cc: cc.map((email) => ({ email })),
  subject: '',
  snippet: '',
});

/** One mailbox's messages, oldest first, from the cache or read and cached. */
export async function loadMailbox(source: MailboxSource): Promise<EvaluationMailbox> {
  const file = path.join(CACHE, `${source.name}.json`);
  if (existsSync(file)) {
    const reduced = JSON.parse(readFileSync(file, 'utf8')) as Reduced[];
    return { name: source.name, me: [source.me], messages: reduced.map(toMessage) };
  }
  const { messages } = await readMailboxMessages(source.dir);
  const reduced: Reduced[] = messages.map((m) => [
    m.id,
    m.threadId,
    m.at,
    m.from.email,
    m.to.map((a) => a.email),
    m.cc.map((a) => a.email),
  ]);
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(file, JSON.stringify(reduced));
  return { name: source.name, me: [source.me], messages: reduced.map(toMessage) };
}

export async function loadAllMailboxes(): Promise<EvaluationMailbox[]> {
  const all: EvaluationMailbox[] = [];
  for (const source of mailboxSources()) all.push(await loadMailbox(source));
  return all;
}
