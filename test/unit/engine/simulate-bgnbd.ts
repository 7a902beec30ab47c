// Draws BG/NBD customers from known parameters with a seeded generator, so the
// fit can be checked on data whose truth is known.
import type { BgNbdCustomer, BgNbdParams } from '@/lib/engine/bgnbd';

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(random: () => number): number {
  const u = Math.max(random(), Number.MIN_VALUE);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** Marsaglia–Tsang gamma sampler (shape k, scale 1), with the usual boost for k < 1. */
function gamma(random: () => number, k: number): number {
  if (k < 1) return gamma(random, k + 1) * random() ** (1 / k);
  const d = k - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = normal(random);
    const v = (1 + c * z) ** 3;
    if (v > 0 && Math.log(random()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

export function simulateBgNbd(p: BgNbdParams, count: number, seed: number): BgNbdCustomer[] {
  const random = mulberry32(seed);
  const customers: BgNbdCustomer[] = [];
  for (let i = 0; i < count; i++) {
    const lambda = gamma(random, p.r) / p.alpha;
    const ga = gamma(random, p.a);
    const death = ga / (ga + gamma(random, p.b));
    const T = 20 + 20 * random();
    let t = 0;
    let x = 0;
    let tx = 0;
    for (;;) {
      t += -Math.log(1 - random()) / lambda;
      if (t > T) break;
      x += 1;
      tx = t;
      if (random() < death) break;
    }
    customers.push({ x, tx, T });
  }
  return customers;
}
