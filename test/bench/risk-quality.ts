import { crossValidateAdoption } from '@/lib/engine/risk-model/adoption-evaluation';
import { ADOPTION } from '@/lib/engine/risk-model/adoption-rule';
import { shareOfPairsWithinGroups } from '@/lib/engine/risk-model/evaluation-metrics';
import { mailboxSamples, type Sample } from '@/lib/engine/risk-model/evaluation-samples';
import { censorHorizonGaps, EXPORT_GAP_DAYS, horizonGaps } from '@/lib/engine/risk-model/horizon-coverage';
import { crossValidateOwnPast, REFIT_STRENGTHS } from '@/lib/engine/risk-model/own-past-refit';
import {
  type EvaluationReport,
  evaluateRisk,
  type Label,
  reportOf,
  type Table,
} from '@/lib/engine/risk-model/risk-evaluation';
import { SHIPPED_MODEL } from '@/lib/engine/risk-model/risk-score';
import { specOf } from '@/lib/engine/risk-model/shipped-model';
import { loadAllMailboxes } from '../risk-data/enron-mailboxes';
import type { Benchmark } from './benchmark';
import { cutShares } from './risk-cut-shares';

// How well the chance of going quiet ranks and is calibrated on real
// mailboxes, cross-validated by mailbox: each mailbox is scored by the shipped
// model's signals and penalty refitted on all the other mailboxes. Beside it,
// the simple baselines on the same samples. The evaluation itself is the
// engine's (lib/engine/risk-model/risk-evaluation.ts).

const FIRST_THREE = ['sager-e', 'buy-r', 'parks-j'];

/**
 * Which pairs the pooled AUC is made of: the share of its pairs of one
 * mailbox's cut date (what the clients' own signals rank) and of one mailbox;
 * the rest pair clients of two mailboxes, ranked mostly by how quiet each
 * mailbox's month is.
 */
function pairsOfThePooledAuc(samples: readonly Sample[]) {
  const of = (group: (s: Sample) => string) =>
    shareOfPairsWithinGroups(samples.map((s) => ({ positive: s.quiet, group: group(s) })));
  return { ofOneCutDate: of((s) => `${s.mailbox}\u0000${s.cut}`), ofOneMailbox: of((s) => s.mailbox) };
}

function summary(report: EvaluationReport) {
  const byMailbox = Object.fromEntries(
    Object.entries(report.byMailbox).map(([name, t]: [string, Table]) => [
      name,
      { samples: t.samples, positives: t.positives, auc: t.auc, withinCutAuc: t.withinCutAuc, brier: t.brier },
    ]),
  );
  const firstThree = FIRST_THREE.map((name) => report.byMailbox[name]).filter((t) => t !== undefined);
  return {
    pooled: report.pooled,
    pooledAucOfRecencyRefitted: report.pooledAucOfRecencyRefitted,
    riskMinusRecency: report.riskMinusRecency,
    mailboxesRanked: report.mailboxesRanked,
    winsOverDaysSinceLastContact: report.winsOverDaysSince,
    winsOverEveryBaseline: report.winsOverEveryBaseline,
    winsOnFirstThree: firstThree.filter((t) => t.auc.risk > t.auc.daysSinceLastContact).length,
    calibrationDecilesOf100OffBy5Points: report.deciles100OffBy5Points,
    byMailbox,
  };
}

export const riskQuality: Benchmark = {
  name: 'risk-quality',
  async run() {
    const mailboxes = await loadAllMailboxes();
    if (mailboxes.length === 0) throw new Error('the Enron mailboxes are not beside the checkout');
    const samples = mailboxes.flatMap(mailboxSamples);
    const spec = specOf(SHIPPED_MODEL);
    const evaluate = (label: Label) => summary(evaluateRisk(samples, spec, label));
    const { covered, censored } = censorHorizonGaps(samples, mailboxes.flatMap(horizonGaps));
    return {
      method:
        'monthly cuts (90 days of history before each, the 60-day horizon inside the 5th–99th percentile of the mailbox’s dates); correspondents (each person a client) with at least 3 days they wrote before the cut and an exchange in the 180 days before it; leave-one-mailbox-out: the shipped signals and penalty refitted without the held-out mailbox',
      model: { signals: spec.features, lambda: spec.lambda, fitted: SHIPPED_MODEL.fitted },
      mailboxes: mailboxes.length,
      mailboxesWithSamples: new Set(samples.map((s) => s.mailbox)).size,
      primaryNothingFromThemIn60Days: evaluate('quiet'),
      primaryPairsOfThePooledAuc: pairsOfThePooledAuc(samples),
      primaryShareGoingQuietByCutDate: cutShares(mailboxes, samples),
      secondaryNoContactEitherWayIn60Days: evaluate('noContact'),
      // The primary label again, the samples whose 60 days hold a stretch of
      // EXPORT_GAP_DAYS with no message in the export at all left out (and
      // refitted without them): both ways, so neither figure stands alone.
      primaryHorizonGapsCensored: {
        gapDays: EXPORT_GAP_DAYS,
        censored: {
          ...censored,
          quietShare: censored.quiet / censored.samples,
          quietShareOfTheRest: covered.filter((s) => s.quiet).length / covered.length,
        },
        ...summary(evaluateRisk(covered, spec, 'quiet')),
      },
      // Whether learning each account's own past would help: the primary label
      // with each held-out mailbox's model refitted on its earlier cuts.
      primaryRefittedOnOwnPast: REFIT_STRENGTHS.map((strength) => {
        const { predictions, refitted } = crossValidateOwnPast(samples, spec, 'quiet', strength);
        const report = reportOf(predictions, samples, spec, 'quiet');
        return {
          strength,
          refittedPredictions: refitted,
          auc: report.pooled.auc.risk,
          withinCutAuc: report.pooled.withinCutAuc.risk,
          brier: report.pooled.brier,
          logLoss: report.pooled.logLoss,
          winsOverDaysSinceLastContact: report.winsOverDaysSince,
          calibrationDecilesOf100OffBy5Points: report.deciles100OffBy5Points,
        };
      }),
      // The extension's rule: a refit on the earlier months adopted only when
      // it beats the prior on the later ones by a margin; each cut date scored
      // by what the rule chose from the months before it, beside the prior alone.
      primaryAccountModelRule: (() => {
        const run = crossValidateAdoption(samples, spec, 'quiet');
        const of = (predictions: typeof run.rule) => {
          const pooled = reportOf(predictions, samples, spec, 'quiet').pooled;
          return {
            auc: pooled.auc.risk,
            withinCutAuc: pooled.withinCutAuc.risk,
            logLoss: pooled.logLoss,
            brier: pooled.brier,
          };
        };
        return {
          rule: ADOPTION,
          adoptedSamples: run.adoptedSamples,
          adoptedCutDates: run.adoptedCuts,
          keptCutDates: run.kept,
          withTheRule: of(run.rule),
          priorAlone: of(run.shipped),
        };
      })(),
    };
  },
};
