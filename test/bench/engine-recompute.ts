import { analyzeAccount, analyzeClient } from '@/lib/engine/analyze';
import { baseClientKey } from '@/lib/engine/client-identity';
import type { MailMessage } from '@/lib/engine/types';
import { identity, syntheticMailbox } from '../unit/engine/mail-builders';
import { type Benchmark, medianMs } from './benchmark';

// A full recompute of a large account against one pass over its messages (the
// floor: every message read once), and the incremental update after one new
// message (one client against the fitted model) against the full recompute.
// Target: the full recompute within 3× the one pass.

const NOW = Date.UTC(2026, 10, 20, 12);
const CLIENTS = 5000;
const MESSAGES = 200_000;
const TARGET_FULL_OVER_ONE_PASS = 3;

export const engineRecompute: Benchmark = {
  name: 'engine-recompute',
  async run() {
    const messages = syntheticMailbox(CLIENTS, MESSAGES, NOW);
    const onePass = await medianMs(5, () => {
      const byClient = new Map<string, MailMessage[]>();
      for (const m of messages) {
        const key = baseClientKey(m.from.email) ?? '';
        const list = byClient.get(key);
        if (list) list.push(m);
        else byClient.set(key, [m]);
      }
      return byClient.size;
    });
    let analysis = analyzeAccount({ messages, identity, now: NOW });
    const full = await medianMs(
      3,
      () => {
        analysis = analyzeAccount({ messages, identity, now: NOW });
      },
      1,
    );
    const client = analysis.clients[0];
    if (!client) throw new Error('synthetic mailbox has no client');
    const own = messages.filter((m) => [m.from, ...m.to].some((a) => client.addresses.includes(a.email)));
    const incremental = await medianMs(20, () =>
      analyzeClient({ clientKey: client.key, messages: own, identity, now: NOW, population: analysis.population }),
    );
    return {
      clients: analysis.clients.length,
      messages: messages.length,
      onePassGroupingMs: Math.round(onePass),
      fullRecomputeMs: Math.round(full),
      fullOverOnePass: Math.round((full / onePass) * 10) / 10,
      target: `fullRecomputeMs within ${TARGET_FULL_OVER_ONE_PASS}× of onePassGroupingMs`,
      withinTarget: full <= TARGET_FULL_OVER_ONE_PASS * onePass,
      incrementalOneClientMs: Math.round(incremental * 100) / 100,
      incrementalShareOfFull: `${((incremental / full) * 100).toFixed(3)}%`,
    };
  },
};
