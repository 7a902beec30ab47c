// Runs Mozilla's addons-linter on the Firefox zip and fails on any error or
// warning, so a build that the Firefox store would refuse, or hold for a manual
// review, never lands.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import linter from 'addons-linter';

const outputDir = path.resolve(import.meta.dirname, '../../.output');
const zip = readdirSync(outputDir).find((name) => name.endsWith('-firefox.zip'));
if (!zip) {
  console.error('No Firefox zip in .output: run "npm run build" first.');
  process.exit(1);
}

const result = await linter
  .createInstance({
    config: { _: [path.join(outputDir, zip)], logLevel: 'fatal', stack: false, pretty: false, output: 'none' },
    runAsBinary: false,
  })
  .run();

for (const kind of ['errors', 'warnings']) {
  for (const message of result[kind]) {
    console.log(
      `${kind === 'errors' ? 'error' : 'warning'}: ${message.code} ${message.message} (${message.file ?? ''})`,
    );
  }
}
console.log(`addons-linter ${zip}: ${result.errors.length} errors, ${result.warnings.length} warnings`);
process.exit(result.errors.length + result.warnings.length > 0 ? 1 : 0);
