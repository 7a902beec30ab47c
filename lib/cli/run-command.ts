import { type CliCommand, UsageError } from './command';

/**
 * Runs a subcommand and turns what it throws into the exit code: a usage
 * mistake 2, anything else 1, each printed under the command's name. Bundled
 * with every command (scripts/build-cli.mjs), so its UsageError is the one
 * the command throws.
 */
export async function runCommand(name: string, command: CliCommand, args: string[]): Promise<number> {
  try {
    return await command.run(args);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`keepwarm ${name}: ${error.message}`);
      return 2;
    }
    console.error(`keepwarm ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
