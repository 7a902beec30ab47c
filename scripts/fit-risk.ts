// Refits the shipped chance-of-going-quiet model on the Enron mailboxes beside
// the checkout and writes lib/engine/risk-model/coefficients.json. The signals
// and the penalty are chosen by mailbox-level cross-validation only.
//   npm run fit-risk
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { mailboxSamples } from '@/lib/engine/risk-model/evaluation-samples';
import { fitShippedModel } from '@/lib/engine/risk-model/fit-shipped-model';
import { loadAllMailboxes } from '@/test/risk-data/enron-mailboxes';

const OUT = path.resolve(import.meta.dirname, '../lib/engine/risk-model/coefficients.json');

const mailboxes = await loadAllMailboxes();
if (mailboxes.length === 0) throw new Error('the Enron mailboxes are not beside the checkout');
const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
const dirty = git('status', '--porcelain', '--untracked-files=no') !== '';
const commit = `${git('rev-parse', 'HEAD')}${dirty ? '+changes' : ''}`;
const model = fitShippedModel(mailboxes.flatMap(mailboxSamples), commit);
writeFileSync(OUT, `${JSON.stringify(model, null, 2)}\n`);
console.log(JSON.stringify({ wrote: path.relative(process.cwd(), OUT), ...model.training, lambda: model.lambda }));
