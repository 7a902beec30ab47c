// The installed `keepwarm`, built as CommonJS (scripts/build-cli.mjs) so that
// `keepwarm --help` answers before Node starts its ES module loader. Each
// command is a bundle of its own beside it, loaded only when it runs.
import path from 'node:path';
import { type BuiltCommand, loadBundle } from './built-command';
import { compileForBusyMachine } from './machine-load';
import { isCommandName, printUsageIfAsked, unknownCommand } from './usage';

const argv = process.argv.slice(2);
const usage = printUsageIfAsked(argv);
const [name = '', ...rest] = argv;
if (usage !== undefined) process.exitCode = usage;
else if (!isCommandName(name)) {
  console.error(unknownCommand(name));
  process.exitCode = 2;
} else {
  // A report is over in a second or two; the longer commands keep V8's defaults.
  const { exports: built } = loadBundle<BuiltCommand>(path.join(__dirname, 'lib', `${name}.cjs`), {
    ...(name === 'report' && { beforeRun: compileForBusyMachine }),
  });
  void built.runCommand(name, built.command, rest).then((code) => {
    process.exitCode = code;
  });
}
