// What `keepwarm --help` prints, apart from the commands' code: the installed
// entry answers it without loading anything else.

const COMMAND_NAMES = ['backtest', 'bgnbd', 'evaluate', 'extract', 'report'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export const USAGE = `keepwarm <command> [options]

Commands:
${COMMAND_NAMES.map((name) => `  ${name}`).join('\n')}

Run "keepwarm <command> --help" for a command's options.`;

/** Keepwarm's own help (no command, or `--help`): its exit code, or undefined when a command is named. */
export function printUsageIfAsked(argv: readonly string[]): number | undefined {
  const [name] = argv;
  if (name && name !== '--help' && name !== '-h') return undefined;
  console.log(USAGE);
  return name ? 0 : 2;
}

export const isCommandName = (name: string): name is CommandName => (COMMAND_NAMES as readonly string[]).includes(name);

export const unknownCommand = (name: string) => `keepwarm: unknown command "${name}"\n\n${USAGE}`;
