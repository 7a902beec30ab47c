// The installed `keepwarm`. Built as CommonJS (scripts/build-cli.mjs) so that
// `keepwarm --help` answers before Node starts its ES module loader; every
// command goes on to the ES module bundle, which loads only that command.
import { printUsageIfAsked } from './usage';

const argv = process.argv.slice(2);
const usage = printUsageIfAsked(argv);
if (usage !== undefined) process.exitCode = usage;
else
  void import('./main').then(async ({ main }) => {
    process.exitCode = await main(argv);
  });
