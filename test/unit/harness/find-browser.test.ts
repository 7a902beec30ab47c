import { describe, expect, it, vi } from 'vitest';
import { CHROMIUM, ensureBrowser, FIREFOX, locateBrowser, type Machine, missingMessage } from '../../demo/find-browser';

// How `npm start` and the end-to-end tests find their browser, on machines
// described as plain data: what is installed, who runs it, and whether apt is there.

function machine(installed: string[], parts: Partial<Machine> = {}): Machine & { runs: string[][] } {
  const files = new Set(installed);
  const runs: string[][] = [];
  return {
    env: { PATH: '/usr/local/bin:/usr/bin' },
    isExecutable: (file) => files.has(file),
    isRoot: false,
    hasApt: true,
    run: (command, args) => {
      runs.push([command, ...args]);
      if (args.includes('install')) files.add('/usr/bin/chromium').add('/usr/bin/firefox-esr');
    },
    runs,
    ...parts,
  };
}

describe('locateBrowser', () => {
  it('takes the binary the variable names first', () => {
    const here = machine(['/usr/bin/chromium', '/opt/chrome'], { env: { CHROME_PATH: '/opt/chrome', PATH: '' } });
    expect(locateBrowser(CHROMIUM, here)).toBe('/opt/chrome');
  });

  it('refuses a variable naming nothing runnable, and says how to get the browser', () => {
    const here = machine([], { env: { CHROME_PATH: '/nowhere/chromium' } });
    expect(() => locateBrowser(CHROMIUM, here)).toThrow(/CHROME_PATH names \/nowhere\/chromium[\s\S]*apt-get install/);
  });

  it('finds Debian’s Chromium, then Ubuntu’s chromium-browser, then Chrome on PATH', () => {
    expect(locateBrowser(CHROMIUM, machine(['/usr/bin/chromium', '/usr/bin/google-chrome']))).toBe('/usr/bin/chromium');
    expect(locateBrowser(CHROMIUM, machine(['/usr/local/bin/chromium-browser', '/usr/bin/google-chrome']))).toBe(
      '/usr/local/bin/chromium-browser',
    );
    expect(locateBrowser(CHROMIUM, machine(['/usr/bin/google-chrome']))).toBe('/usr/bin/google-chrome');
    expect(locateBrowser(CHROMIUM, machine([]))).toBeUndefined();
  });

  it('finds Firefox ESR by FIREFOX_PATH or on PATH', () => {
    expect(locateBrowser(FIREFOX, machine(['/usr/bin/firefox-esr']))).toBe('/usr/bin/firefox-esr');
    expect(locateBrowser(FIREFOX, machine(['/usr/bin/firefox']))).toBe('/usr/bin/firefox');
  });
});

describe('ensureBrowser', () => {
  it('installs Debian’s package when run as root on a machine with apt, then uses it', () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const root = machine([], { isRoot: true });
    expect(ensureBrowser(CHROMIUM, root)).toBe('/usr/bin/chromium');
    expect(root.runs).toEqual([
      ['apt-get', 'update', '-q'],
      ['apt-get', 'install', '-y', '-q', '--no-install-recommends', 'chromium', 'fonts-dejavu-core'],
    ]);
  });

  it('installs nothing as another user, and names the exact command', () => {
    const user = machine([]);
    expect(() => ensureBrowser(CHROMIUM, user)).toThrow(
      'sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium fonts-dejavu-core',
    );
    expect(user.runs).toEqual([]);
  });

  it('installs nothing without apt, and asks for the browser and the variable', () => {
    const mac = machine([], { isRoot: true, hasApt: false });
    expect(() => ensureBrowser(FIREFOX, mac)).toThrow('Install Firefox and set FIREFOX_PATH');
    expect(mac.runs).toEqual([]);
    expect(missingMessage(CHROMIUM, mac)).not.toContain('apt-get');
  });

  it('leaves a found browser alone', () => {
    const root = machine(['/usr/bin/firefox-esr'], { isRoot: true });
    expect(ensureBrowser(FIREFOX, root)).toBe('/usr/bin/firefox-esr');
    expect(root.runs).toEqual([]);
  });
});
