export interface CliCommand {
  /** Runs the command with the arguments after its name; returns the process exit code. */
  run(args: string[]): Promise<number>;
}

/** A mistake in how the command was called: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}
