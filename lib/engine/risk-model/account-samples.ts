// One account's own samples, for the refit on its past: at monthly cut dates
// whose 60 days have passed, every client of the account as the engine sees
// it (the user's merges, splits and CRM links included) with its features as
// of the cut and whether it wrote in the 60 days after. The same engine and
// the same sample rule as the evaluation (evaluation-samples.ts), read a
// client at a time so a large account is never held whole: one analysis per
// cut keeps only each client's draft, and the messages pass through. A large
// account is read through a fixed subset of its clients, chosen by a hash of
// their keys: the refit's time and memory then stay bounded whatever the
// account's size, and the account-wide part of the features (the usual gap
// between contact days, the trend of the whole account's mail) is read from
// that subset, as a sample of the same account.
import { type AccountContext, analyzeClientByClient } from '../analyze-by-client';
import { DAY } from '../business-hours';
import type { MailMessage } from '../types';
import { clientSample, firstAfter, HORIZON_DAYS, type Sample, STEP, WARM_UP } from './evaluation-samples';

const HORIZON = HORIZON_DAYS * DAY;

export const ACCOUNT_SAMPLE_LIMITS = {
  /** The most recent cut dates, a month apart: a year of the account's past at most. */
  maxCuts: 12,
  /** Clients read, at most. */
  maxClients: 250,
  /** Samples kept, newest cut dates first. */
  maxSamples: 6000,
};

/** 32-bit FNV-1a: the same key always falls on the same side of the subset. */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/** The clients the refit reads: every one up to `max`, else the `max` whose keys hash lowest. */
export function clientsToRead(keys: readonly string[], max = ACCOUNT_SAMPLE_LIMITS.maxClients): string[] {
  if (keys.length <= max) return [...keys];
  return keys
    .map((key) => ({ key, hash: hashOf(key) }))
    .sort((a, b) => a.hash - b.hash || (a.key < b.key ? -1 : 1))
    .slice(0, max)
    .map((c) => c.key);
}

/**
 * Cut dates a month apart, newest first, the newest a horizon before now (so
 * every outcome is known) and the oldest with the warm-up of history after
 * the account's start before it.
 */
export function accountCutDates(start: number, now: number, maxCuts = ACCOUNT_SAMPLE_LIMITS.maxCuts): number[] {
  const cuts: number[] = [];
  for (let cut = now - HORIZON; cut >= start + WARM_UP && cuts.length < maxCuts; cut -= STEP) cuts.push(cut);
  return cuts;
}

export interface AccountSampleBuilder {
  /** As ClientByClientAnalysis: the base keys under which messages of the client can be filed. */
  sourceKeys(key: string): string[];
  /** Every message of the client, by time then id, each once. */
  addClient(key: string, messages: readonly MailMessage[]): void;
  /** The samples, newest cut first; `pause` runs between cut dates (to yield, or to give up). */
  finish(pause: () => Promise<void>): Promise<Sample[]>;
}

export function accountSampleBuilder(
  account: string,
  context: Omit<AccountContext, 'now'>,
  cuts: readonly number[],
  maxSamples = ACCOUNT_SAMPLE_LIMITS.maxSamples,
): AccountSampleBuilder {
  const address = (email: string) => email.trim().toLowerCase();
  const me = new Set(context.identity.addresses.map(address));
  const perCut = cuts.map((cut) => ({
    cut,
    // What the engine knew at the cut: nothing later, not even the CRM's activities.
    analysis: analyzeClientByClient({
      ...context,
      now: cut,
      contactEvents: (context.contactEvents ?? []).filter((e) => e.at <= cut),
      followUpStates: undefined,
      riskModel: undefined,
    }),
    wrote: new Set<string>(),
    reached: new Set<string>(),
  }));
  const first = perCut[0]?.analysis;
  return {
    sourceKeys: (key) => first?.sourceKeys(key) ?? [],
    addClient(key, messages) {
      for (const { cut, analysis, wrote, reached } of perCut) {
        const known = firstAfter(messages, cut);
        analysis.addClient(key, known === messages.length ? messages : messages.slice(0, known));
        for (let i = known; i < messages.length; i++) {
          const m = messages[i] as MailMessage;
          if (m.at > cut + HORIZON) break;
          const from = address(m.from.email);
          wrote.add(from);
          if (me.has(from)) for (const to of [...m.to, ...m.cc]) reached.add(address(to.email));
        }
      }
    },
    async finish(pause) {
      const samples: Sample[] = [];
      for (const { cut, analysis, wrote, reached } of perCut) {
        await pause();
        if (samples.length >= maxSamples) break;
        const { clients, population } = analysis.finish();
        for (const client of clients) {
          const sample = clientSample(client, population, { mailbox: account, cut, wrote, reached });
          if (sample) samples.push(sample);
        }
      }
      return samples;
    },
  };
}
