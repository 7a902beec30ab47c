// How busy the machine is when a report starts, which decides how it runs:
// whether a second parsing thread pays (parallel-read.ts), and how eagerly V8
// compiles optimized code (compileForBusyMachine).
import { availableParallelism, loadavg } from 'node:os';

/**
 * Whether the system's load over the last minute leaves a core spare
 * (Windows reports no load, and always has one).
 */
export function coreToSpare(): boolean {
  const cores = availableParallelism();
  return cores > 1 && (loadavg()[0] ?? 0) <= cores - 1;
}

// V8's default, in bytes of bytecode run before a function is optimized, is
// 66 KiB; three times that leaves only the parser's hottest loops to compile.
export const BUSY_MACHINE_V8_FLAGS = '--interrupt-budget=200000';

/**
 * On a machine with no core to spare, V8's optimizing compiler, which works on
 * threads of its own, takes its time from the report's: on a busy machine half
 * of a report's CPU went to compiling functions that then ran for a few
 * hundred milliseconds. Asking functions to run three times longer before
 * they are compiled cuts that compiling to a third, for a little more time
 * running unoptimized code. With a core spare, compiling costs the report
 * nothing and V8 keeps its defaults. Set once the command's code is compiled
 * and before it runs (built-command.ts): every function it creates takes the
 * budget, and V8 still takes the code cache, which it refuses when the flags
 * differ from those it was made under (it was refused on every busy machine,
 * costing a small mailbox's report a tenth of its CPU time). The second
 * parsing thread, started only with a core spare, never meets the flag unless
 * KEEPWARM_PARSE_THREADS=2 starts it on a busy machine: it then compiles its
 * parser without the cache, and the budget still saves more than that costs
 * (whitt-m on two threads: 477 ms of CPU with it, 499 without; sager-e 1,184
 * and 1,332).
 */
export function compileForBusyMachine(): void {
  if (coreToSpare()) return;
  // Loaded here, not at the top: loading it costs `keepwarm --help` a few milliseconds.
  process.getBuiltinModule('node:v8').setFlagsFromString(BUSY_MACHINE_V8_FLAGS);
}
