// Finds the browser the demo and the end-to-end tests drive, and on a fresh
// Debian or Ubuntu machine, as root, installs it from the distribution the way
// CI does; anywhere else it stops with the exact command to run.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';

export interface BrowserSpec {
  label: string;
  /** The variable that names a binary to use instead. */
  envVar: string;
  /** Absolute paths, then names looked up on PATH, in order of preference. */
  candidates: string[];
  /** Debian's packages for it, with a font so pages render text. */
  debianPackages: string[];
}

export const CHROMIUM: BrowserSpec = {
  label: 'Chromium',
  envVar: 'CHROME_PATH',
  candidates: [
    '/usr/bin/chromium',
    'chromium',
    'chromium-browser',
    'google-chrome',
    'google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ],
  debianPackages: ['chromium', 'fonts-dejavu-core'],
};

export const FIREFOX: BrowserSpec = {
  label: 'Firefox',
  envVar: 'FIREFOX_PATH',
  candidates: ['/usr/bin/firefox-esr', 'firefox-esr', 'firefox', '/Applications/Firefox.app/Contents/MacOS/firefox'],
  debianPackages: ['firefox-esr', 'fonts-dejavu-core'],
};

/** What the search may look at; the real machine by default, plain data in tests. */
export interface Machine {
  env: NodeJS.ProcessEnv;
  isExecutable(file: string): boolean;
  isRoot: boolean;
  /** Debian, Ubuntu or a derivative, with apt-get. */
  hasApt: boolean;
  run(command: string, args: string[]): void;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export const THIS_MACHINE: Machine = {
  env: process.env,
  isExecutable,
  isRoot: process.getuid?.() === 0,
  hasApt: existsSync('/etc/debian_version') && isExecutable('/usr/bin/apt-get'),
  run: (command, args) =>
    execFileSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }),
};

/** The binary to drive, or undefined; a binary named in the spec's variable must exist. */
export function locateBrowser(spec: BrowserSpec, machine: Machine = THIS_MACHINE): string | undefined {
  const chosen = machine.env[spec.envVar];
  if (chosen) {
    if (!machine.isExecutable(chosen)) {
      throw new Error(
        `${spec.envVar} names ${chosen}, which is not an executable file. ${missingMessage(spec, machine)}`,
      );
    }
    return chosen;
  }
  const dirs = (machine.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const candidate of spec.candidates) {
    const files = path.isAbsolute(candidate) ? [candidate] : dirs.map((dir) => path.join(dir, candidate));
    const found = files.find((file) => machine.isExecutable(file));
    if (found) return found;
  }
  return undefined;
}

/** The exact command that installs the browser here, for the message that asks the user to run it. */
export function installCommand(spec: BrowserSpec, machine: Machine = THIS_MACHINE): string {
  const sudo = machine.isRoot ? '' : 'sudo ';
  return `${sudo}apt-get update && ${sudo}apt-get install -y --no-install-recommends ${spec.debianPackages.join(' ')}`;
}

/** Finds the browser, installing it first where that is safe to do unasked (root on Debian/Ubuntu). */
export function ensureBrowser(spec: BrowserSpec, machine: Machine = THIS_MACHINE): string {
  const found = locateBrowser(spec, machine);
  if (found) return found;
  if (machine.hasApt && machine.isRoot) {
    console.log(`${spec.label} was not found: installing Debian's ${spec.debianPackages.join(' ')}`);
    machine.run('apt-get', ['update', '-q']);
    machine.run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...spec.debianPackages]);
    const installed = locateBrowser(spec, machine);
    if (installed) return installed;
  }
  throw new Error(missingMessage(spec, machine));
}

/** Says how to get the browser, without installing anything. */
export function missingMessage(spec: BrowserSpec, machine: Machine = THIS_MACHINE): string {
  const how = machine.hasApt
    ? `Install it with:\n  ${installCommand(spec, machine)}\nor set ${spec.envVar}`
    : `Install ${spec.label} and set ${spec.envVar}`;
  return `${spec.label} was not found. ${how} to the path of a ${spec.label} binary.`;
}
