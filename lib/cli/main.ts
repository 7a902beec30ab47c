import type { CliCommand } from './command';
import { isCommandName, printUsageIfAsked, unknownCommand } from './usage';

// One entry per subcommand; each lives in its own file under commands/ and is
// loaded only when it runs.
const commands = {
  backtest: () => import('./commands/backtest').then((m) => m.command),
  bgnbd: () => import('./commands/bgnbd').then((m) => m.command),
  evaluate: () => import('./commands/evaluate').then((m) => m.command),
  extract: () => import('./commands/extract').then((m) => m.command),
  report: () => import('./commands/report').then((m) => m.command),
} satisfies Record<string, () => Promise<CliCommand>>;

export async function main(argv: string[]): Promise<number> {
  const usage = printUsageIfAsked(argv);
  if (usage !== undefined) return usage;
  const [name = '', ...rest] = argv;
  if (!isCommandName(name)) {
    console.error(unknownCommand(name));
    return 2;
  }
  const command = await commands[name]();
  // Loaded here, not up front: help never needs it.
  const { runCommand } = await import('./run-command');
  return runCommand(name, command, rest);
}
