import { type CliCommand, UsageError } from './command';

// One entry per subcommand; each lives in its own file under commands/.
const commands: Record<string, () => Promise<CliCommand>> = {
  backtest: () => import('./commands/backtest').then((m) => m.command),
  bgnbd: () => import('./commands/bgnbd').then((m) => m.command),
  evaluate: () => import('./commands/evaluate').then((m) => m.command),
  extract: () => import('./commands/extract').then((m) => m.command),
  report: () => import('./commands/report').then((m) => m.command),
};

const USAGE = `keepwarm <command> [options]

Commands:
${Object.keys(commands)
  .map((name) => `  ${name}`)
  .join('\n')}

Run "keepwarm <command> --help" for a command's options.`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    console.error(`keepwarm: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  const command = await load();
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`keepwarm ${name}: ${error.message}`);
      return 2;
    }
    console.error(`keepwarm ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
