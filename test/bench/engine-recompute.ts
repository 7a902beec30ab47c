import { analyzeAccount, analyzeClient } from '@/lib/engine/analyze';
import { baseClientKey } from '@/lib/engine/client-identity';
import type { MailMessage } from '@/lib/engine/types';
import { identity, syntheticMailbox } from '../unit/engine/mail-builders';
import { type Benchmark, medianMs } from './benchmark';

// A full recompute of a large account against one pass over its messages (the
// floor: every message read once), and the incremental update after one new
// message (one client against the fitted model) against the full recompute.
// Target: the full recompute within 3× the one pass. The two are timed in
// pairs, each pair in the other order than the last, and the figure is the
// median of the pairs' ratios, in wall time and in CPU time (every thread of
// the process, so the garbage collector's helpers count too): on a shared
// machine the load moves between runs far more than within a pair.

const NOW = Date.UTC(2026, 10, 20, 12);
const CLIENTS = 5000;
const MESSAGES = 200_000;
const PAIRS = 7;
const TARGET_FULL_OVER_ONE_PASS = 3;

interface Timing {
  wallMs: number;
  cpuMs: number;
}

function timed(fn: () => unknown): Timing {
  const cpu = process.cpuUsage();
  const start = performance.now();
  fn();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const round1 = (n: number) => Math.round(n * 10) / 10;

export const engineRecompute: Benchmark = {
  name: 'engine-recompute',
  async run() {
    const messages = syntheticMailbox(CLIENTS, MESSAGES, NOW);
    const onePass = () => {
      const byClient = new Map<string, MailMessage[]>();
      for (const m of messages) {
        const key = baseClientKey(m.from.email) ?? '';
        const list = byClient.get(key);
        if (list) list.push(m);
        else byClient.set(key, [m]);
      }
      return byClient.size;
    };
    let analysis = analyzeAccount({ messages, identity, now: NOW });
    const full = () => {
      analysis = analyzeAccount({ messages, identity, now: NOW });
    };
    onePass();
    onePass();
    full();
    const pairs: { onePass: Timing; full: Timing }[] = [];
    for (let i = 0; i < PAIRS; i++) {
      if (i % 2 === 0) {
        const first = timed(onePass);
        pairs.push({ onePass: first, full: timed(full) });
      } else {
        const first = timed(full);
        pairs.push({ full: first, onePass: timed(onePass) });
      }
    }
    const wallRatio = median(pairs.map((p) => p.full.wallMs / p.onePass.wallMs));
    const cpuRatio = median(pairs.map((p) => p.full.cpuMs / p.onePass.cpuMs));
    const fullMs = median(pairs.map((p) => p.full.wallMs));
    const client = analysis.clients[0];
    if (!client) throw new Error('synthetic mailbox has no client');
    const own = messages.filter((m) => [m.from, ...m.to].some((a) => client.addresses.includes(a.email)));
    const incremental = await medianMs(20, () =>
      analyzeClient({ clientKey: client.key, messages: own, identity, now: NOW, population: analysis.population }),
    );
    return {
      clients: analysis.clients.length,
      messages: messages.length,
      pairs: PAIRS,
      onePassGroupingMs: Math.round(median(pairs.map((p) => p.onePass.wallMs))),
      fullRecomputeMs: Math.round(fullMs),
      fullOverOnePass: round1(wallRatio),
      onePassGroupingCpuMs: Math.round(median(pairs.map((p) => p.onePass.cpuMs))),
      fullRecomputeCpuMs: Math.round(median(pairs.map((p) => p.full.cpuMs))),
      fullOverOnePassCpu: round1(cpuRatio),
      target: `fullOverOnePass and fullOverOnePassCpu within ${TARGET_FULL_OVER_ONE_PASS}×`,
      withinTarget: wallRatio <= TARGET_FULL_OVER_ONE_PASS && cpuRatio <= TARGET_FULL_OVER_ONE_PASS,
      incrementalOneClientMs: Math.round(incremental * 100) / 100,
      incrementalShareOfFull: `${((incremental / fullMs) * 100).toFixed(3)}%`,
    };
  },
};
