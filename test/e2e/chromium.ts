import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { CHROMIUM, locateBrowser, missingMessage, THIS_MACHINE } from '../demo/find-browser';

export const CHROME_EXTENSION_DIR = path.resolve(import.meta.dirname, '../../.output/chrome-mv3');

/** The Chromium binary to drive, or a clear message saying how to get one. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const machine = { ...THIS_MACHINE, env };
  const found = locateBrowser(CHROMIUM, machine);
  if (!found) throw new Error(missingMessage(CHROMIUM, machine));
  return found;
}

export interface LaunchOptions {
  /** Host names to serve from local ports, e.g. { 'mail.google.com': 8443 }. */
  hosts: Record<string, number>;
  headless?: boolean;
  extensionDir?: string;
  /** A profile to reuse across launches (the caller removes it); by default a fresh one, removed on close. */
  userDataDir?: string;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  openExtensionPage(page: 'popup.html' | 'sidepanel.html' | 'options.html'): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Starts Chromium with the built extension. Every host name not listed in
 * `hosts` resolves to nothing, so a test can never reach the internet.
 */
export async function launchWithExtension(options: LaunchOptions): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? CHROME_EXTENSION_DIR;
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run "npm run build" first.`);
  }
  const hostRules = Object.entries(options.hosts)
    .map(([host, port]) => `MAP ${host} 127.0.0.1:${port}`)
    .concat('MAP * ~NOTFOUND')
    .join(', ');
  const userDataDir = options.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'keepwarm-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=${hostRules}`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    async openExtensionPage(page) {
      const tab = await context.newPage();
      await tab.goto(`chrome-extension://${extensionId}/${page}`);
      return tab;
    },
    async close() {
      await context.close();
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Grants optional host permissions to the extension in a closed profile, as if
 * the user had accepted the browser's prompt (which a headless browser cannot
 * show). The next launch of that profile starts with them granted.
 */
export function grantOptionalHosts(userDataDir: string, extensionId: string, origins: string[]): void {
  const file = path.join(userDataDir, 'Default', 'Preferences');
  const preferences = JSON.parse(readFileSync(file, 'utf8'));
  const settings = preferences.extensions?.settings?.[extensionId];
  if (!settings) throw new Error(`extension ${extensionId} is not installed in ${userDataDir}`);
  for (const set of ['granted_permissions', 'active_permissions']) {
    settings[set] ??= {};
    for (const kind of ['explicit_host', 'scriptable_host']) {
      settings[set][kind] = [...new Set([...(settings[set][kind] ?? []), ...origins])];
    }
  }
  writeFileSync(file, JSON.stringify(preferences));
}
