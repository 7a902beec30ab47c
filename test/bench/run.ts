// `npm run bench`: speed and size figures as JSON, each measured side by side
// with its baseline in the same run (this machine is shared and noisy, so a
// figure only means something next to its baseline). Never part of `npm test`.
import { parseArgs } from 'node:util';
import { benchmarks } from './registry';

const { values } = parseArgs({ options: { only: { type: 'string', multiple: true }, scale: { type: 'string' } } });
const scale = values.scale === undefined ? 1 : Number(values.scale);
if (!(scale > 0 && scale <= 1)) {
  console.error(`--scale must be a number above 0 and at most 1, not ${values.scale}`);
  process.exit(2);
}
const selected = values.only?.length ? benchmarks.filter((b) => values.only?.includes(b.name)) : benchmarks;
if (selected.length === 0) {
  console.error(`No benchmark named ${values.only?.join(', ')}. Known: ${benchmarks.map((b) => b.name).join(', ')}`);
  process.exit(2);
}

const results: Record<string, unknown> = {};
let failed = false;
for (const bench of selected) {
  process.stderr.write(`bench ${bench.name}…\n`);
  try {
    results[bench.name] = await bench.run({ scale });
  } catch (error) {
    failed = true;
    results[bench.name] = { error: error instanceof Error ? error.message : String(error) };
  }
}
console.log(JSON.stringify({ at: new Date().toISOString(), node: process.version, results }, null, 2));
if (failed) process.exitCode = 1;
