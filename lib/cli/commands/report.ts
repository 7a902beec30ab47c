import { parseArgs } from 'node:util';
import { accountIdentity } from '@/lib/engine/account-identity';
import { analyzeAccount } from '@/lib/engine/analyze';
import { baseClientKey } from '@/lib/engine/client-identity';
import type { ClientReport } from '@/lib/engine/report-types';
import type { SetAsideClient } from '@/lib/engine/set-aside';
import type { AccountIdentity, MailMessage } from '@/lib/engine/types';
import { importParsed, type ThreadMove } from '@/lib/mail-import/mailbox-batches';
import type { ImportCounts } from '@/lib/mail-import/read-mailbox';
import { applyThreadMoves } from '@/lib/mail-import/thread-moves';
import { type CliCommand, UsageError } from '../command';
import { readMailboxFiles } from '../parallel-read';
import { printReport } from '../report-text';
import { mailboxFilesAt } from '../whole-file-sources';

const HELP = `keepwarm report <mbox file or folder> --me <address> [options]

Reads a mailbox export (Gmail Takeout, Thunderbird, any mbox or .eml files)
and prints, per client: risk, level, reasons, who is waiting, reply times and
P(alive). The same engine as the extension: automated and bulk senders (no-reply
and role addresses, bulk hosts and platforms, list and automation headers,
calendar invitations) are set aside, not clients, unless you write to them.

Options:
  --me <address>          your address; repeat for aliases (required)
  --as-of <date>          use only mail up to this date and judge risk as of then
  --group-by domain|person  a client is an organisation (default) or each person
  --internal <domain>     colleagues' domain; repeatable. Default: your own
                          domain unless it is free mail. "none": nobody is internal
  --json                  JSON: { asOf, counts, clients: [{ key, risk, level, … }],
                          setAside: [{ key, messages, lastAt, senders: [{ address, signal }] }] }`;

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        me: { type: 'string', multiple: true },
        'as-of': { type: 'string' },
        'group-by': { type: 'string', default: 'domain' },
        internal: { type: 'string', multiple: true },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${HELP}`);
  }
}

export function identityFor(me: string[], internal: string[] | undefined): AccountIdentity {
  const addresses = me.map((a) => a.toLowerCase());
  if (internal?.includes('none')) return { addresses, internalDomains: [] };
  if (internal?.length) return { addresses, internalDomains: internal.map((d) => d.toLowerCase()) };
  const own = new Set(addresses.flatMap((a) => accountIdentity(a).internalDomains));
  return { addresses, internalDomains: [...own] };
}

export interface ReportResult {
  asOf: number;
  counts: ImportCounts;
  clients: ClientReport[];
  /** Clients whose every message came from or went to automated or bulk senders. */
  setAside: SetAsideClient[];
}

/**
 * Reads every mailbox file under `target` once, deduplicated and threaded,
 * oldest first. Given the account's identity, the messages of the user's side
 * are read without a snippet: the report reads only its clients' (for cues).
 * Built, a folder of a megabyte or more is parsed on two threads (parallel-read.ts).
 */
export async function readMailboxMessages(
  target: string,
  identity?: AccountIdentity,
): Promise<{ messages: MailMessage[]; counts: ImportCounts }> {
  const files = await mailboxFilesAt(target);
  const run = importParsed((counts) => readMailboxFiles(files, counts, identity));
  const read: MailMessage[] = [];
  const moves: ThreadMove[] = [];
  for await (const batch of run) {
    read.push(...batch.messages);
    moves.push(...batch.moves);
  }
  const messages = applyThreadMoves(read, moves).sort((a, b) => a.at - b.at);
  return { messages, counts: { ...run.counts } };
}

/** Each person a client of their own (free-mail people already are). */
export function splitEveryone(messages: readonly MailMessage[]): string[] {
  const addresses = new Set(messages.flatMap((m) => [m.from, ...m.to, ...m.cc].map((a) => a.email)));
  return [...addresses].filter((a) => baseClientKey(a) !== a);
}

/** Runs the engine as of `asOf` (default: the newest message) on the messages up to then. */
export async function buildReport(
  target: string,
  options: { identity: AccountIdentity; asOf?: number; groupBy: 'domain' | 'person' },
): Promise<ReportResult> {
  const { messages: all, counts } = await readMailboxMessages(target, options.identity);
  const messages = options.asOf === undefined ? all : all.filter((m) => m.at <= (options.asOf ?? 0));
  const asOf = options.asOf ?? Math.max(0, ...messages.map((m) => m.at));
  const analysis = analyzeAccount({
    messages,
    identity: options.identity,
    now: asOf,
    ...(options.groupBy === 'person' ? { overrides: { splitAddresses: splitEveryone(messages) } } : {}),
  });
  return { asOf, counts, clients: analysis.clients, setAside: analysis.setAside };
}

export const command: CliCommand = {
  async run(args) {
    const { values, positionals } = parse(args);
    if (values.help) {
      console.log(HELP);
      return 0;
    }
    const [target, ...extra] = positionals;
    if (!target || extra.length > 0) throw new UsageError(`expected one mbox file or folder\n\n${HELP}`);
    if (!values.me?.length) throw new UsageError(`--me is required: Keepwarm must know which side is yours\n\n${HELP}`);
    const groupBy = values['group-by'];
    if (groupBy !== 'domain' && groupBy !== 'person') throw new UsageError(`--group-by must be "domain" or "person"`);
    let asOf: number | undefined;
    if (values['as-of']) {
      asOf = Date.parse(values['as-of']);
      if (Number.isNaN(asOf)) throw new UsageError(`--as-of "${values['as-of']}" is not a date`);
      // A bare date means the end of that day.
      if (/^\d{4}-\d{2}-\d{2}$/.test(values['as-of'])) asOf += 86_400_000 - 1;
    }
    const result = await buildReport(target, { identity: identityFor(values.me, values.internal), asOf, groupBy });
    if (values.json) {
      console.log(
        JSON.stringify({
          asOf: new Date(result.asOf).toISOString(),
          counts: result.counts,
          clients: result.clients.map((c) => ({
            ...c,
            risk: c.risk.score,
            level: c.risk.level,
            reasons: c.risk.reasons,
          })),
          setAside: result.setAside,
        }),
      );
    } else printReport(result);
    return 0;
  },
};
