import type { CliCommand } from './command';
import { type CommandName, printUsageIfAsked, USAGE } from './usage';

// One entry per subcommand; each lives in its own file under commands/ and is
// loaded only when it runs.
const commands: Record<CommandName, () => Promise<CliCommand>> = {
  backtest: () => import('./commands/backtest').then((m) => m.command),
  bgnbd: () => import('./commands/bgnbd').then((m) => m.command),
  evaluate: () => import('./commands/evaluate').then((m) => m.command),
  extract: () => import('./commands/extract').then((m) => m.command),
  report: () => import('./commands/report').then((m) => m.command),
};

const isCommand = (name: string): name is CommandName => Object.hasOwn(commands, name);

export async function main(argv: string[]): Promise<number> {
  const usage = printUsageIfAsked(argv);
  if (usage !== undefined) return usage;
  const [name = '', ...rest] = argv;
  if (!isCommand(name)) {
    console.error(`keepwarm: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  const command = await commands[name]();
  try {
    return await command.run(rest);
  } catch (error) {
    // Loaded here, not up front: the commands already hold it, and help never needs it.
    const { UsageError } = await import('./command');
    if (error instanceof UsageError) {
      console.error(`keepwarm ${name}: ${error.message}`);
      return 2;
    }
    console.error(`keepwarm ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
