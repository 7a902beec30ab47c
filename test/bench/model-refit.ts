import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { analyzeClientByClient } from '@/lib/engine/analyze-by-client';
import { baseClientKey } from '@/lib/engine/client-identity';
import { decideOnAccount } from '@/lib/engine/risk-model/account-model';
import { accountCutDates, accountSampleBuilder, clientsToRead } from '@/lib/engine/risk-model/account-samples';
import { activeSpan } from '@/lib/engine/risk-model/evaluation-samples';
import type { MailMessage } from '@/lib/engine/types';
import { identity, syntheticMailbox } from '../unit/engine/mail-builders';
import type { Benchmark } from './benchmark';

// The refit of an account's chance on its own past, on a synthetic account of
// 5,000 clients and 300,000 messages over two years, beside the full
// recompute's engine pass over the same account in the same run: both read
// the account a client at a time, as the background does, so what each holds
// beyond the messages is its own. Time, and the heap's peak above what was
// held before (sampled after every client and at every yield, garbage
// included, so an upper bound). Target: the refit under 30 s and 100 MB.

const NOW = Date.UTC(2026, 10, 20, 12);
const CLIENTS = 5000;
const MESSAGES = 300_000;
const MB = 1024 * 1024;

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** Each message filed under the base key of its client, as the store files it (each synthetic message has one). */
function byBaseKey(messages: readonly MailMessage[]): Map<string, MailMessage[]> {
  const out = new Map<string, MailMessage[]>();
  for (const m of messages) {
    const client = [m.from, ...m.to].find((a) => !identity.addresses.includes(a.email));
    const key = client && baseClientKey(client.email);
    if (!key) continue;
    const list = out.get(key);
    if (list) list.push(m);
    else out.set(key, [m]);
  }
  return out;
}

async function measured<T>(work: (sample: () => void) => Promise<T>) {
  collect();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  const started = performance.now();
  const result = await work(sample);
  return { result, ms: Math.round(performance.now() - started), peakAboveMb: Math.round((peak - before) / MB) };
}

export const modelRefit: Benchmark = {
  name: 'model-refit',
  async run() {
    const messages = syntheticMailbox(CLIENTS, MESSAGES, NOW).sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
    const clients = byBaseKey(messages);
    const context = { identity };
    const recompute = await measured(async (sample) => {
      const analysis = analyzeClientByClient({ ...context, now: NOW });
      for (const [key, own] of clients) {
        for (const k of analysis.clientsOf(key)) analysis.addClient(k, own);
        sample();
      }
      return analysis.finish().clients.length;
    });
    const refit = await measured(async (sample) => {
      const cuts = accountCutDates(activeSpan(messages)?.start ?? NOW, NOW);
      const builder = accountSampleBuilder(identity.addresses[0] ?? '', context, cuts);
      for (const key of clientsToRead([...clients.keys()])) {
        builder.addClient(key, clients.get(key) ?? []);
        sample();
      }
      const samples = await builder.finish(async () => {
        sample();
        await new Promise((resolve) => setTimeout(resolve, 0));
      });
      const decision = decideOnAccount(samples);
      return { cuts: cuts.length, samples: samples.length, adopted: decision.adopt };
    });
    return {
      clients: recompute.result,
      messages: messages.length,
      refit: { ...refit.result, ms: refit.ms, heapPeakAboveMessagesMb: refit.peakAboveMb },
      fullRecomputeEngine: { ms: recompute.ms, heapPeakAboveMessagesMb: recompute.peakAboveMb },
      refitOverRecompute: Math.round((refit.ms / recompute.ms) * 10) / 10,
      targets: { refitMs: 30_000, refitHeapMb: 100 },
    };
  },
};
