import { parseArgs } from 'node:util';
import { mailboxSamples } from '@/lib/engine/risk-model/evaluation-samples';
import type { EvaluationMailbox } from '@/lib/engine/risk-model/evaluation-types';
import { censorHorizonGaps, EXPORT_GAP_DAYS, horizonGaps } from '@/lib/engine/risk-model/horizon-coverage';
import { evaluateAccount, evaluateRisk, type Label } from '@/lib/engine/risk-model/risk-evaluation';
import { SHIPPED_MODEL } from '@/lib/engine/risk-model/risk-score';
import { specOf } from '@/lib/engine/risk-model/shipped-model';
import { type CliCommand, UsageError } from '../command';
import { readMailboxMessages } from './report';

const HELP = `keepwarm evaluate <mailbox> --me <address> [<mailbox> --me <address> …] [--label quiet|no-contact]

How well the chance of going quiet holds on mailbox exports: at monthly cuts,
each correspondent with 3 or more days of their mail before the cut, scored
against what happened in the 60 days after. Prints JSON: for each mailbox the
shipped model as it is (AUC, calibration by decile, Brier score, beside the
simple baselines); with two mailboxes or more, also the shipped signals
refitted with each mailbox held out in turn. Give one --me per mailbox, in order.
Cut dates whose 60 days hold ${EXPORT_GAP_DAYS} days or more without any message in
the export are listed, and the cross-validation is given again without them.

Options:
  --label quiet        nothing from them in the next 60 days (default)
  --label no-contact   no message either way in the next 60 days`;

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        me: { type: 'string', multiple: true },
        label: { type: 'string', default: 'quiet' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${HELP}`);
  }
}

export const command: CliCommand = {
  async run(args) {
    const { values, positionals } = parse(args);
    if (values.help) {
      console.log(HELP);
      return 0;
    }
    const me = values.me ?? [];
    if (positionals.length === 0 || me.length !== positionals.length) {
      throw new UsageError(`give each mailbox its owner's address with --me, in order\n\n${HELP}`);
    }
    if (values.label !== 'quiet' && values.label !== 'no-contact') throw new UsageError(`unknown --label\n\n${HELP}`);
    const label: Label = values.label === 'quiet' ? 'quiet' : 'noContact';
    const mailboxes: EvaluationMailbox[] = [];
    for (const [i, dir] of positionals.entries()) {
      const { messages } = await readMailboxMessages(dir);
      mailboxes.push({ name: dir, me: [(me[i] ?? '').toLowerCase()], messages });
    }
    const samples = mailboxes.map(mailboxSamples);
    const gaps = mailboxes.flatMap(horizonGaps);
    const crossValidate = (list: (typeof samples)[number]) => {
      const report = evaluateRisk(list, specOf(SHIPPED_MODEL), label);
      return {
        pooled: report.pooled,
        byMailbox: report.byMailbox,
        winsOverDaysSinceLastContact: report.winsOverDaysSince,
        mailboxesRanked: report.mailboxesRanked,
      };
    };
    const result = {
      model: { signals: specOf(SHIPPED_MODEL).features, fitted: SHIPPED_MODEL.fitted },
      label,
      shippedModel: Object.fromEntries(mailboxes.map((m, i) => [m.name, evaluateAccount(samples[i] ?? [], label)])),
      horizonGaps: gaps.map((g) => ({ mailbox: g.mailbox, cut: new Date(g.cut).toISOString(), days: g.days })),
      ...(mailboxes.length >= 2 && { crossValidated: crossValidate(samples.flat()) }),
      ...(mailboxes.length >= 2 &&
        gaps.length > 0 &&
        (() => {
          const { covered, censored } = censorHorizonGaps(samples.flat(), gaps);
          return { crossValidatedHorizonGapsCensored: { censored, ...crossValidate(covered) } };
        })()),
    };
    console.log(JSON.stringify(result, null, 2));
    return 0;
  },
};
