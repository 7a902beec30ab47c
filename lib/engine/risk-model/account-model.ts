// Which model an account's chance is scored with, as stored beside the account:
// the shipped one (with why the account's own was not adopted) or the account's
// refit, whose weights replace the shipped ones term by term. Whatever is read
// back is validated; anything that does not fit the shipped model of this
// build (another build's terms, a damaged record) scores with the shipped one.
import { z } from 'zod';
import { type Decision, decideAccountModel, type KeptReason } from './adoption-rule';
import type { Sample } from './evaluation-samples';
import { columnsOf, rowOf } from './risk-evaluation';
import { SHIPPED_MODEL } from './risk-score';
import { asLogistic, type ShippedModel, specOf } from './shipped-model';

const finite = z.number().refine(Number.isFinite);
const time = z.number().int().nonnegative();

const evidenceSchema = z.strictObject({
  fitSamples: z.number().int().nonnegative(),
  checkSamples: z.number().int().nonnegative(),
  checkCuts: z.number().int().nonnegative(),
  shippedLogLoss: finite,
  accountLogLoss: finite,
  gainStandardError: finite,
});

const keptReasons = ['few-samples', 'one-outcome', 'not-better'] as const satisfies readonly KeptReason[];

export const storedRiskModelSchema = z.strictObject({
  version: z.literal(1),
  /** The shipped model the choice was made against: a build that ships another one decides again. */
  shippedCommit: z.string().min(1).max(100),
  decidedAt: time,
  choice: z.discriminatedUnion('source', [
    z.strictObject({
      source: z.literal('account'),
      intercept: finite,
      /** One per shipped term, in its order, on its standardisation. */
      weights: z.array(finite).max(64),
      evidence: evidenceSchema,
    }),
    z.strictObject({
      source: z.literal('shipped'),
      /** Why the account's own refit was not adopted; absent when no refit has finished yet. */
      reason: z.enum(keptReasons).optional(),
      evidence: evidenceSchema.optional(),
    }),
  ]),
  /** The last refit that failed or ran out of time; the choice above stayed. */
  lastFailure: z.strictObject({ at: time, kind: z.enum(['failed', 'timed-out']) }).optional(),
});

export type StoredRiskModel = z.infer<typeof storedRiskModelSchema>;

/** The adoption rule on an account's samples, with the shipped model as the prior. */
export function decideOnAccount(samples: readonly Sample[], shipped: ShippedModel = SHIPPED_MODEL): Decision {
  const columns = columnsOf(specOf(shipped));
  return decideAccountModel(samples, asLogistic(shipped), (s) => rowOf(s, columns));
}

/** The record of a decision made now against `shipped`. */
export function storedChoice(decision: Decision, now: number, shipped: ShippedModel = SHIPPED_MODEL): StoredRiskModel {
  const base = { version: 1 as const, shippedCommit: shipped.fitted.commit, decidedAt: now };
  if (!decision.adopt)
    return {
      ...base,
      choice: { source: 'shipped', reason: decision.reason, ...(decision.evidence && { evidence: decision.evidence }) },
    };
  return {
    ...base,
    choice: {
      source: 'account',
      intercept: decision.model.intercept,
      weights: decision.model.columns.map((c) => c.weight),
      evidence: decision.evidence,
    },
  };
}

/** The stored record when it is valid and made against this build's shipped model; undefined otherwise. */
export function readStoredRiskModel(
  stored: unknown,
  shipped: ShippedModel = SHIPPED_MODEL,
): StoredRiskModel | undefined {
  const parsed = storedRiskModelSchema.safeParse(stored);
  if (!parsed.success || parsed.data.shippedCommit !== shipped.fitted.commit) return undefined;
  const { choice } = parsed.data;
  if (choice.source === 'account' && choice.weights.length !== shipped.terms.length) return undefined;
  return parsed.data;
}

/** The model to score the account's chance with: its own when adopted and valid, the shipped one otherwise. */
export function riskModelOf(stored: unknown, shipped: ShippedModel = SHIPPED_MODEL): ShippedModel {
  const record = readStoredRiskModel(stored, shipped);
  if (record?.choice.source !== 'account') return shipped;
  const { intercept, weights } = record.choice;
  return {
    ...shipped,
    intercept,
    terms: shipped.terms.map((term, j) => ({ ...term, weight: weights[j] ?? term.weight })),
    fitted: { ...shipped.fitted, account: true },
  };
}

/** The record after a refit that failed or ran out of time: the previous choice (the shipped model without one) stays. */
export function withFailure(
  previous: StoredRiskModel | undefined,
  kind: 'failed' | 'timed-out',
  now: number,
  shipped: ShippedModel = SHIPPED_MODEL,
): StoredRiskModel {
  const base = previous ?? {
    version: 1 as const,
    shippedCommit: shipped.fitted.commit,
    decidedAt: now,
    choice: { source: 'shipped' as const },
  };
  return { ...base, lastFailure: { at: now, kind } };
}
