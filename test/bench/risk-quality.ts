import { existsSync } from 'node:fs';
import path from 'node:path';
import { readMailboxMessages, splitEveryone } from '@/lib/cli/commands/report';
import { analyzeAccount } from '@/lib/engine/analyze';
import type { MailMessage } from '@/lib/engine/types';
import type { Benchmark } from './benchmark';

// How well the risk ranks, on real mailboxes: at a series of dates, among the
// correspondents active in the 180 days before, does the risk put first the
// ones who then write nothing for 60 days? Reported as AUC next to two
// baselines: days since their last message, and BG/NBD alone (1 − P(alive)).

const DAY = 86_400_000;
const HORIZON = 60 * DAY;
const ACTIVE_WINDOW = 180 * DAY;
const STEP = 30 * DAY;
const MAILBOXES = [
  ['sager-e', 'elizabeth.sager@enron.com'],
  ['buy-r', 'rick.buy@enron.com'],
  ['parks-j', 'joe.parks@enron.com'],
] as const;
const DATA = path.resolve(import.meta.dirname, '../../../shared/data/email/enron-mbox');

/** Area under the ROC curve: the chance a random positive outranks a random negative (ties count half). */
export function auc(scored: { score: number; positive: boolean }[]): number {
  const sorted = [...scored].sort((a, b) => a.score - b.score);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j]?.score === sorted[i]?.score) j += 1;
    const averageRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) {
      if (sorted[k]?.positive) {
        rankSum += averageRank;
        positives += 1;
      }
    }
    i = j;
  }
  const negatives = sorted.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

interface Sample {
  positive: boolean;
  contactDays: number;
  risk: number;
  daysSince: number;
  bgnbd: number;
}

function evaluate(messages: MailMessage[], me: string): Sample[] {
  const samples: Sample[] = [];
  const first = messages[0]?.at ?? 0;
  const last = messages.at(-1)?.at ?? 0;
  const split = splitEveryone(messages);
  for (let asOf = first + ACTIVE_WINDOW; asOf + HORIZON <= last; asOf += STEP) {
    const known = messages.filter((m) => m.at <= asOf);
    const analysis = analyzeAccount({
      messages: known,
      identity: { addresses: [me], internalDomains: [] },
      now: asOf,
      overrides: { splitAddresses: split },
    });
    const writesLater = new Set(messages.filter((m) => m.at > asOf && m.at <= asOf + HORIZON).map((m) => m.from.email));
    for (const client of analysis.clients) {
      const lastIn = client.metrics.lastInboundAt;
      if (lastIn === undefined || asOf - lastIn > ACTIVE_WINDOW) continue;
      samples.push({
        positive: !client.addresses.some((a) => writesLater.has(a)),
        contactDays: client.metrics.cadence?.contactDays ?? 1,
        risk: client.risk.score,
        daysSince: (asOf - lastIn) / DAY,
        bgnbd: 1 - (client.metrics.bgnbd?.pAlive ?? 1),
      });
    }
  }
  return samples;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function summary(samples: Sample[]) {
  const pick = (key: 'risk' | 'daysSince' | 'bgnbd') =>
    round(auc(samples.map((s) => ({ score: s[key], positive: s.positive }))));
  return {
    samples: samples.length,
    wentSilent: samples.filter((s) => s.positive).length,
    aucRisk: pick('risk'),
    aucDaysSinceLastContact: pick('daysSince'),
    aucBgNbdAlone: pick('bgnbd'),
  };
}

export const riskQuality: Benchmark = {
  name: 'risk-quality',
  async run() {
    if (!existsSync(DATA)) throw new Error(`the Enron mailboxes are not beside the checkout (${DATA})`);
    const all: Sample[] = [];
    const byMailbox: Record<string, ReturnType<typeof summary>> = {};
    for (const [folder, me] of MAILBOXES) {
      const { messages } = await readMailboxMessages(path.join(DATA, folder));
      messages.sort((a, b) => a.at - b.at);
      const samples = evaluate(messages, me);
      byMailbox[folder] = summary(samples);
      all.push(...samples);
    }
    return {
      method:
        'monthly as-of dates; correspondents (each person a client) who wrote in the 180 days before; positive = no message from them in the next 60 days',
      pooled: summary(all),
      // Relationships rather than one-off contacts: three or more contact days before the date.
      pooledEstablished: summary(all.filter((s) => s.contactDays >= 3)),
      byMailbox,
    };
  },
};
