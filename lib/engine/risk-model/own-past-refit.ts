// Whether the model gains by learning an account's own mail: each mailbox
// held out is scored, at each cut, by the model fitted on the other mailboxes
// refitted on the held-out mailbox's own earlier samples (those whose 60 days
// had passed by the cut, so their outcome was known then), every coefficient
// pulled toward the other mailboxes' model as strongly as `strength` samples
// would pull it. What an account's refit in the extension would do, measured
// the same way as the shipped model.
import { DAY } from '../business-hours';
import { HORIZON_DAYS, type Sample } from './evaluation-samples';
import { chanceOf, FitError, fitToward, type LogisticModel } from './logistic-fit';
import { columnsOf, fitSpec, type Label, type ModelSpec, type Prediction, rowOf } from './risk-evaluation';

/** The pulls toward the shipped coefficients the bench reports, in samples. */
export const REFIT_STRENGTHS = [25, 100, 400] as const;
/** An account's past needs this many samples, of both outcomes, before it is refitted on. */
export const MIN_PAST_SAMPLES = 20;

const HORIZON = HORIZON_DAYS * DAY;

/** The model refitted on an account's past samples, or undefined when they are too few or of one outcome. */
export function refitOnPast(
  model: LogisticModel,
  past: readonly Sample[],
  spec: ModelSpec,
  label: Label,
  strength: number,
): LogisticModel | undefined {
  if (past.length < MIN_PAST_SAMPLES) return undefined;
  const columns = columnsOf(spec);
  try {
    return fitToward(
      model,
      past.map((s) => rowOf(s, columns)),
      past.map((s) => s[label]),
      strength,
    );
  } catch (error) {
    if (error instanceof FitError) return undefined;
    throw error;
  }
}

/** Every mailbox held out once; `refitted` counts the predictions a refit made. */
export function crossValidateOwnPast(
  samples: readonly Sample[],
  spec: ModelSpec,
  label: Label,
  strength: number,
): { predictions: Prediction[]; refitted: number } {
  const columns = columnsOf(spec);
  const predictions: Prediction[] = [];
  let refitted = 0;
  for (const heldOut of new Set(samples.map((s) => s.mailbox))) {
    const others = fitSpec(
      samples.filter((s) => s.mailbox !== heldOut),
      spec,
      label,
    );
    const own = samples.filter((s) => s.mailbox === heldOut);
    const byCut = new Map<number, LogisticModel | undefined>();
    for (const sample of own) {
      if (!byCut.has(sample.cut)) {
        const past = own.filter((s) => s.cut + HORIZON <= sample.cut);
        byCut.set(sample.cut, refitOnPast(others, past, spec, label, strength));
      }
      const model = byCut.get(sample.cut);
      if (model) refitted += 1;
      predictions.push({ sample, chance: chanceOf(model ?? others, rowOf(sample, columns)) });
    }
  }
  return { predictions, refitted };
}
