// Drives Debian's Firefox ESR over WebDriver BiDi with the built Firefox
// extension installed as a temporary add-on. Firefox is told that the served
// host names live on this machine (`network.dns.localDomains`), and certificate
// errors are accepted, so the real content script runs on the real host name.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ensureBrowser, FIREFOX } from '../demo/find-browser';

export const FIREFOX_EXTENSION_DIR = path.resolve(import.meta.dirname, '../../.output/firefox-mv3');
/** Fixed by a pref, so tests can open the extension's pages at a known address. */
export const EXTENSION_UUID = '3f6f5d2e-8c1b-4f0a-9a57-6b1d2c7e4a90';
const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export interface FirefoxWithExtension {
  browser: Browser;
  /** Opens popup.html, sidepanel.html or options.html (with an optional query) in a new tab. */
  openExtensionPage(page: string): Promise<Page>;
  /** The open tab whose address starts with `prefix`, once there is one. */
  waitForTab(prefix: string, timeoutMs?: number): Promise<Page>;
  close(): Promise<void>;
}

/** Polls until `probe` returns a value, or fails naming what it waited for. */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A tab's address as its document knows it: over BiDi, `page.url()` of an extension page stays about:blank. */
export const addressOf = (page: Page): Promise<string> => page.evaluate(() => location.href);

/** `prefs` adds to or overrides the preferences below. */
export async function launchFirefox(
  hosts: string[],
  prefs: Record<string, string | number | boolean> = {},
): Promise<FirefoxWithExtension> {
  const manifest = JSON.parse(readFileSync(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const addonId: string = manifest.browser_specific_settings.gecko.id;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: ensureBrowser(FIREFOX),
    headless: true,
    acceptInsecureCerts: true,
    // KEEPWARM_DUMPIO=1 shows Firefox's own output, the extension's console included.
    dumpio: Boolean(process.env.KEEPWARM_DUMPIO),
    // Without it, BiDi refuses to script moz-extension: pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'network.dns.localDomains': hosts.join(','),
      // No DNS over HTTPS: the local names must come from the pref above, never from a resolver.
      'network.trr.mode': 5,
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: EXTENSION_UUID }),
      // The extension's console reaches the test's output.
      'devtools.console.stdout.content': true,
      'devtools.console.stdout.chrome': true,
      ...prefs,
    },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);

  const waitForTab = (prefix: string, timeoutMs?: number) =>
    until(
      `a tab at ${prefix}`,
      async () => {
        for (const page of await browser.pages()) {
          if ((await addressOf(page).catch(() => '')).startsWith(prefix)) return page;
        }
        return undefined;
      },
      timeoutMs,
    );

  return {
    browser,
    async openExtensionPage(name) {
      const page = await browser.newPage();
      const url = `${EXTENSION_ORIGIN}/${name}`;
      // BiDi never reports the end of a navigation to a moz-extension: page, though the page loads
      // and can be scripted: wait for its document instead.
      page.goto(url, { timeout: 5_000 }).catch(() => undefined);
      await until(`${name} to load`, async () => ((await addressOf(page)) === url ? true : undefined));
      return page;
    },
    waitForTab,
    close: () => browser.close(),
  };
}
