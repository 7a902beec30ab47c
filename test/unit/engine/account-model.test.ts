import { describe, expect, it } from 'vitest';
import { DAY } from '@/lib/engine/business-hours';
import {
  readStoredRiskModel,
  riskModelOf,
  storedChoice,
  storedRiskModelSchema,
  withFailure,
} from '@/lib/engine/risk-model/account-model';
import {
  ACCOUNT_SAMPLE_LIMITS,
  accountCutDates,
  accountSampleBuilder,
  clientsToRead,
} from '@/lib/engine/risk-model/account-samples';
import { ADOPTION, decideAccountModel, splitByTime } from '@/lib/engine/risk-model/adoption-rule';
import { cutDates, mailboxSamples, type Sample } from '@/lib/engine/risk-model/evaluation-samples';
import { type LogisticModel, logOdds } from '@/lib/engine/risk-model/logistic-fit';
import { SHIPPED_MODEL } from '@/lib/engine/risk-model/risk-score';
import { identity, ME, syntheticMailbox } from './mail-builders';

// The rule that lets an account's own refit replace the shipped model only
// when it earns it on the account's later months, and the record it leaves.

const T0 = Date.UTC(2024, 0, 1);
const NOW = Date.UTC(2026, 0, 1);

/** A fixed stream of numbers in [0, 1): the same samples every run. */
function stream(seed: number) {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** `clients` per monthly cut, one signal (silence), quiet with chance σ(weight·(silence − 2)). */
function accountSamples(cuts: number, clients: number, weight: number, seed = 1): Sample[] {
  const next = stream(seed);
  return Array.from({ length: cuts }, (_, c) =>
    Array.from({ length: clients }, (_, i) => {
      const silence = next() * 4;
      const quiet = next() < 1 / (1 + Math.exp(-weight * (silence - 2)));
      return {
        mailbox: 'me@studio.example',
        cut: T0 + c * 30 * DAY,
        client: `client${i}`,
        features: [silence],
        baselines: { daysSinceLastContact: 0, contactDays: 3, pAliveGap: 0, silenceRatio: 0 },
        quiet,
        noContact: quiet,
      };
    }),
  ).flat();
}

const prior = (weight: number): LogisticModel => ({
  intercept: 0,
  columns: [{ mean: 2, scale: 1, weight }],
});
const row = (s: Sample) => [s.features[0] ?? 0];

describe('the adoption rule', () => {
  it('adopts a refit that beats the prior on the later months, checked apart from what it was fitted on', () => {
    // The prior reads silence the wrong way round; this account's clients go quiet the longer they are silent.
    const samples = accountSamples(12, 40, 2);
    const decision = decideAccountModel(samples, prior(-0.5), row);
    expect(decision.adopt).toBe(true);
    if (!decision.adopt) return;
    expect(decision.evidence.accountLogLoss).toBeLessThan(decision.evidence.shippedLogLoss - ADOPTION.margin);
    expect(logOdds(decision.model, [4])).toBeGreaterThan(logOdds(decision.model, [0]));
    expect(decision.evidence.fitSamples + decision.evidence.checkSamples).toBeLessThan(samples.length);
  });

  it('keeps the prior when the account behaves as the prior says', () => {
    const decision = decideAccountModel(accountSamples(12, 40, 2, 7), prior(2), row);
    expect(decision).toMatchObject({ adopt: false, reason: 'not-better' });
    expect(decision.evidence?.checkSamples).toBeGreaterThanOrEqual(ADOPTION.minCheckSamples);
  });

  it('keeps the prior for an account with two messages, one client or no history', () => {
    expect(decideAccountModel([], prior(1), row)).toEqual({ adopt: false, reason: 'few-samples' });
    const oneClient = accountSamples(12, 1, 2);
    expect(decideAccountModel(oneClient, prior(1), row)).toEqual({ adopt: false, reason: 'few-samples' });
    expect(decideAccountModel(accountSamples(1, 2, 2), prior(1), row)).toEqual({ adopt: false, reason: 'few-samples' });
  });

  it('keeps the prior when no client went quiet, or every one did', () => {
    for (const quiet of [true, false]) {
      const samples = accountSamples(12, 40, 2).map((s) => ({ ...s, quiet }));
      expect(decideAccountModel(samples, prior(1), row)).toEqual({ adopt: false, reason: 'one-outcome' });
    }
  });

  it('checks on the latest cut dates and fits only on those whose outcome ended before them', () => {
    const samples = accountSamples(12, 40, 2);
    const { fit, check, checkCuts } = splitByTime(samples);
    const firstChecked = Math.min(...check.map((s) => s.cut));
    expect(check.length).toBeGreaterThanOrEqual(samples.length / 3);
    expect(checkCuts).toBeGreaterThanOrEqual(ADOPTION.minCheckCuts);
    expect(Math.max(...fit.map((s) => s.cut)) + 60 * DAY).toBeLessThanOrEqual(firstChecked);
  });
});

describe('the stored choice of model', () => {
  const adopted = storedChoice(
    {
      adopt: true,
      model: {
        intercept: 0.5,
        columns: SHIPPED_MODEL.terms.map((t) => ({ mean: t.mean, scale: t.scale, weight: t.weight * 2 })),
      },
      evidence: {
        fitSamples: 300,
        checkSamples: 150,
        checkCuts: 4,
        shippedLogLoss: 0.6,
        accountLogLoss: 0.5,
        gainStandardError: 0.01,
      },
    },
    NOW,
  );

  it('scores with the account’s weights on the shipped terms when its own model was adopted', () => {
    expect(storedRiskModelSchema.parse(JSON.parse(JSON.stringify(adopted)))).toEqual(adopted);
    const model = riskModelOf(adopted);
    expect(model.intercept).toBe(0.5);
    expect(model.terms.map((t) => t.weight)).toEqual(SHIPPED_MODEL.terms.map((t) => t.weight * 2));
    expect(model.terms.map((t) => t.feature)).toEqual(SHIPPED_MODEL.terms.map((t) => t.feature));
    expect(model.fitted).toEqual({ ...SHIPPED_MODEL.fitted, account: true });
  });

  it('scores with the shipped model when the record is missing, damaged, of another build or kept the shipped one', () => {
    const kept = storedChoice({ adopt: false, reason: 'not-better' }, NOW);
    const choice = adopted.choice.source === 'account' ? adopted.choice : undefined;
    for (const stored of [
      undefined,
      'model',
      kept,
      { ...adopted, version: 2 },
      { ...adopted, shippedCommit: 'another' },
      { ...adopted, choice: { ...choice, weights: [1] } },
      { ...adopted, choice: { ...choice, intercept: Number.NaN } },
      { ...adopted, extra: true },
    ])
      expect(riskModelOf(stored)).toBe(SHIPPED_MODEL);
  });

  it('keeps the previous choice after a refit that failed or ran too long, and says so', () => {
    const failed = withFailure(readStoredRiskModel(adopted), 'timed-out', NOW + DAY);
    expect(failed.choice).toEqual(adopted.choice);
    expect(failed.lastFailure).toEqual({ at: NOW + DAY, kind: 'timed-out' });
    expect(riskModelOf(failed).intercept).toBe(0.5);
    const first = withFailure(undefined, 'failed', NOW);
    expect(first.choice).toEqual({ source: 'shipped' });
    expect(riskModelOf(first)).toBe(SHIPPED_MODEL);
  });
});

describe('an account’s own samples', () => {
  it('are the evaluation’s samples of the same mail, read a client at a time', async () => {
    // Free-mail correspondents only: each one person, a client of its own in both readings.
    const messages = syntheticMailbox(60, 4000, NOW).filter((m) =>
      [m.from, ...m.to].some((a) => a.email.endsWith('@gmail.com')),
    );
    const mailbox = { name: ME, me: identity.addresses, messages };
    const expected = mailboxSamples(mailbox);
    const cuts = cutDates([...messages].sort((a, b) => a.at - b.at));
    const builder = accountSampleBuilder(ME, { identity }, [...cuts].reverse());
    const clients = new Set(messages.flatMap((m) => [m.from, ...m.to].map((a) => a.email)).filter((e) => e !== ME));
    const byTime = [...messages].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
    for (const key of clientsToRead([...clients])) {
      builder.addClient(
        key,
        byTime.filter((m) => [m.from, ...m.to].some((a) => a.email === key)),
      );
    }
    const samples = await builder.finish(async () => undefined);
    const order = (s: Sample) => `${s.cut} ${s.client}`;
    const sorted = (list: Sample[]) => [...list].sort((a, b) => (order(a) < order(b) ? -1 : 1));
    expect(samples.length).toBeGreaterThan(100);
    expect(sorted(samples)).toEqual(sorted(expected));
  });

  it('are read at monthly cuts whose outcome is known, a year at most, and from a bounded set of clients', () => {
    const cuts = accountCutDates(NOW - 5 * 365 * DAY, NOW);
    expect(cuts).toHaveLength(ACCOUNT_SAMPLE_LIMITS.maxCuts);
    expect(cuts[0]).toBe(NOW - 60 * DAY);
    expect(accountCutDates(NOW - 100 * DAY, NOW)).toEqual([]);
    const keys = Array.from({ length: 1000 }, (_, i) => `client${i}.example`);
    const read = clientsToRead(keys);
    expect(read).toHaveLength(ACCOUNT_SAMPLE_LIMITS.maxClients);
    expect(clientsToRead([...keys].reverse())).toEqual(read);
    expect(clientsToRead(keys.slice(0, 10))).toEqual(keys.slice(0, 10));
  });
});
