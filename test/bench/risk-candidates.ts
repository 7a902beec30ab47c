import { ACCOUNT_SIGNAL_NAMES, type AccountSignals, accountSignals } from '@/lib/engine/risk-model/account-signals';
import { tryCandidates, tryDroppedSignals } from '@/lib/engine/risk-model/candidate-evaluation';
import { mailboxSamples, type Sample } from '@/lib/engine/risk-model/evaluation-samples';
import { SHIPPED_MODEL } from '@/lib/engine/risk-model/risk-score';
import { specOf } from '@/lib/engine/risk-model/shipped-model';
import { loadAllMailboxes } from '../risk-data/enron-mailboxes';
import type { Benchmark } from './benchmark';

// Signals of the whole account as of the cut (lib/engine/risk-model/
// account-signals.ts), each tried beside the shipped model's signals, the best
// of them together, each client signal the selection dropped added back alone,
// and a recalibration of the shipped model's chances: all in
// risk-quality's mailbox-level cross-validation, on its samples, against the
// shipped model's figures from the same run. What the README's "Why the pooled
// figure does not move" says of them comes from here.

export const riskCandidates: Benchmark = {
  name: 'risk-candidates',
  async run() {
    const mailboxes = await loadAllMailboxes();
    if (mailboxes.length === 0) throw new Error('the Enron mailboxes are not beside the checkout');
    const samples: Sample[] = [];
    // One set of signals per mailbox and cut date, shared by its clients' samples.
    const signals = new Map<string, AccountSignals>();
    const keyOf = (s: Sample) => `${s.mailbox}\u0000${s.cut}`;
    for (const mailbox of mailboxes) {
      const own = mailboxSamples(mailbox);
      samples.push(...own);
      for (const cut of new Set(own.map((s) => s.cut)))
        signals.set(`${mailbox.name}\u0000${cut}`, accountSignals(mailbox.messages, mailbox.me, cut));
    }
    const signalsOf = (s: Sample) => {
      const found = signals.get(keyOf(s));
      if (!found) throw new Error(`no account signals for ${keyOf(s)}`);
      return found;
    };
    const spec = specOf(SHIPPED_MODEL);
    return {
      method:
        'risk-quality’s samples and leave-one-mailbox-out cross-validation, primary label (nothing from them in 60 days); each account signal as of the cut added to the shipped signals and refitted with the shipped penalty; droppedClientSignals: each client signal the selection dropped, added back alone the same way; mailboxesWon: mailboxes where it ranks better than days since the last contact; recalibration: a logistic fit of the label on the held-out log-odds of the other mailboxes, applied to the held-out one',
      signals: ACCOUNT_SIGNAL_NAMES,
      samples: samples.length,
      cutDates: signals.size,
      ...tryCandidates(samples, spec, signalsOf, 'quiet'),
      droppedClientSignals: tryDroppedSignals(samples, spec, 'quiet'),
    };
  },
};
