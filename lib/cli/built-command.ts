// The installed `keepwarm` runs each command from its own CommonJS bundle
// (scripts/build-cli.mjs), compiled with the V8 code cache the build wrote
// beside it: starting a report then reads the bytecode of the functions it
// runs instead of parsing a megabyte of JavaScript and compiling each function
// on its first call. Node 20 has no compile cache of its own (Node 22's
// `module.enableCompileCache`); a cache made by another Node version is
// rejected by V8, and the bundle is then compiled as any script is.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Script } from 'node:vm';
import type { CliCommand } from './command';

/** What each command's bundle exports (its entry is written by the build). */
export interface BuiltCommand {
  command: CliCommand;
  runCommand(name: string, command: CliCommand, args: string[]): Promise<number>;
}

const cacheOf = (file: string) => `${file}.cache`;

/**
 * What to do once the bundle is compiled and before it runs. V8 flags set
 * before compiling would make V8 refuse the code cache, which it checks
 * against the flags it was made under; set here, they still reach every
 * function the bundle creates as it runs.
 */
type BeforeRun = () => void;

function compile(file: string, cachedData: Buffer | undefined, beforeRun?: BeforeRun) {
  const source = readFileSync(file, 'utf8');
  // The wrapper Node gives a CommonJS module, so the bundle runs as if required.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  beforeRun?.();
  const module = { exports: {} as BuiltCommand };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
  return { exports: module.exports, script };
}

/** The command bundle at `file`, compiled with its code cache when there is one, then run. */
export function loadBuiltCommand(file: string, options: { beforeRun?: BeforeRun } = {}): BuiltCommand {
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheOf(file));
  } catch {
    // No cache (a build that could not write one): compiled from the source alone.
  }
  return compile(file, cachedData, options.beforeRun).exports;
}

/**
 * Runs the command at `file` once on `args`, then writes its code cache: the
 * bytecode of every function that run compiled. Called by the build.
 */
export async function writeCodeCache(file: string, name: string, args: string[]): Promise<number> {
  const { exports, script } = compile(file, undefined);
  const code = await exports.runCommand(name, exports.command, args);
  writeFileSync(cacheOf(file), script.createCachedData());
  return code;
}
