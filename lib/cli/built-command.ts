// The installed `keepwarm` runs each command from its own CommonJS bundle
// (scripts/build-cli.mjs), compiled with the V8 code cache the build wrote
// beside it: starting a report then reads the bytecode of the functions it
// runs instead of parsing a megabyte of JavaScript and compiling each function
// on its first call. The report's second parsing thread loads its bundle the
// same way (parse-thread.ts). Node 20 has no compile cache of its own (Node
// 22's `module.enableCompileCache`); a cache made by another Node version is
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

/** A bundle run, with whether V8 took its code cache. */
export interface LoadedBundle<Exports> {
  exports: Exports;
  /** True when V8 refused the cache beside the bundle, undefined when there was none. */
  cacheRejected: boolean | undefined;
}

function compile<Exports>(file: string, cachedData: Buffer | undefined, beforeRun?: BeforeRun) {
  const source = readFileSync(file, 'utf8');
  // The wrapper Node gives a CommonJS module, so the bundle runs as if required.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  beforeRun?.();
  const module = { exports: {} as Exports };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
  return { exports: module.exports, script };
}

/** The bundle at `file`, compiled with its code cache when there is one, then run. */
export function loadBundle<Exports>(file: string, options: { beforeRun?: BeforeRun } = {}): LoadedBundle<Exports> {
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheOf(file));
  } catch {
    // No cache (a build that could not write one): compiled from the source alone.
  }
  const { exports, script } = compile<Exports>(file, cachedData, options.beforeRun);
  return { exports, cacheRejected: cachedData ? script.cachedDataRejected === true : undefined };
}

/**
 * Runs the bundle at `file` once through `run`, then writes its code cache:
 * the bytecode of every function that run compiled. Called by the build.
 */
export async function writeCodeCache<Exports, Result>(
  file: string,
  run: (exports: Exports) => Promise<Result>,
): Promise<Result> {
  const { exports, script } = compile<Exports>(file, undefined);
  const result = await run(exports);
  writeFileSync(cacheOf(file), script.createCachedData());
  return result;
}
