import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../demo/server';
import { type ExtensionBrowser, launchWithExtension } from './chromium';

// The options page in the built extension: settings saved and validated,
// backup export, delete all and import, and the page in every language.

let server: DemoServer;
let browser: ExtensionBrowser;
let account: string;

/** Rows per table of Keepwarm's database, as the extension's own pages see it. */
function tableCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('keepwarm');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const requests = names.map((name) => [name, tx.objectStore(name).count()] as const);
          tx.oncomplete = () => {
            db.close();
            resolve(Object.fromEntries(requests.map(([name, request]) => [name, request.result])));
          };
        };
      }),
  );
}

/** Waits, outside a test, until `read` gives a value `done` accepts. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!done(await read())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function openOptions(): Promise<Page> {
  const page = await browser.openExtensionPage('options.html');
  await page.waitForSelector('#settings form');
  return page;
}

async function exportBackup(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export everything (JSON)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^keepwarm-backup-\d{4}-\d{2}-\d{2}\.json$/);
  return readFileSync(await download.path(), 'utf8');
}

beforeAll(async () => {
  server = await startDemoServer({ seed: 7 });
  browser = await launchWithExtension({ hosts: { 'mail.google.com': server.port } });
  account = server.mailbox.accounts[0]?.address ?? '';
  // Gmail's inbox and one conversation give the extension an account, history and clients.
  const gmail = await browser.context.newPage();
  await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
  await gmail.waitForSelector('tr.zA');
  await gmail.click('tr.zA');
  await gmail.waitForSelector('h2.hP');
  await gmail.goto('https://mail.google.com/mail/u/1/#inbox');
  await gmail.waitForSelector('tr.zA');
  const options = await openOptions();
  await until(
    () => tableCounts(options),
    (counts) => (counts.clients ?? 0) > 0,
    'clients',
  );
  await gmail.close();
  // Let the last observations of the closed tab be recomputed before the tests look at the data.
  await until(
    () => tableCounts(options),
    (counts) => counts.recomputeMarks === 0,
    'recomputes',
  );
  await options.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('options page', () => {
  it('saves settings that persist across a reload', async () => {
    const page = await openOptions();
    const aliases = page.getByLabel(`Your other addresses in ${account}`);
    await aliases.fill('hello@brightpath.studio');
    await page.getByLabel('Ignored domains').fill('supplier.com\nNewsletter.example');
    await page.getByLabel('Reply-time target (working hours)').fill('4');
    await page.getByLabel('Suggest a check-in from this chance of going quiet (%)').fill('35');
    await page.getByLabel('Friday').uncheck();
    await page.getByLabel('Day starts at').fill('08:30');
    await page.getByLabel('Time zone').selectOption('Asia/Tokyo');
    await page.getByRole('button', { name: 'Save settings' }).click();
    // Saving recomputes every client with the new settings before it answers.
    await expect
      .poll(() => page.getByTestId('settings-saved').textContent(), { timeout: 30_000 })
      .toBe('Settings saved.');

    await page.reload();
    await page.waitForSelector('#settings form');
    await expect
      .poll(() => page.getByLabel(`Your other addresses in ${account}`).inputValue())
      .toBe('hello@brightpath.studio');
    expect(await page.getByLabel('Ignored domains').inputValue()).toBe('supplier.com\nnewsletter.example');
    expect(await page.getByLabel('Reply-time target (working hours)').inputValue()).toBe('4');
    expect(await page.getByLabel('Suggest a check-in from this chance of going quiet (%)').inputValue()).toBe('35');
    expect(await page.getByLabel('Friday').isChecked()).toBe(false);
    expect(await page.getByLabel('Monday').isChecked()).toBe(true);
    expect(await page.getByLabel('Day starts at').inputValue()).toBe('08:30');
    expect(await page.getByLabel('Time zone').inputValue()).toBe('Asia/Tokyo');
    await page.close();
  });

  it('shows an invalid value’s error beside its field, focuses it, and saves nothing', async () => {
    const page = await openOptions();
    const senders = page.getByLabel('Ignored senders');
    await senders.fill('friend@example.com\nnot an address');
    await page.getByLabel('Reply-time target (working hours)').fill('1000');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByTestId('settings-status').textContent()).toContain('Nothing was saved');
    const describedBy = (await senders.getAttribute('aria-describedby')) ?? '';
    const error = page.locator(`[id="${describedBy.split(' ')[0]}"]`);
    expect(await error.textContent()).toBe('“not an address” is not an e-mail address.');
    expect(await senders.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('replyTargetHours');

    await page.reload();
    await page.waitForSelector('#settings form');
    expect(await page.getByLabel('Ignored senders').inputValue()).toBe('');
    expect(await page.getByLabel('Reply-time target (working hours)').inputValue()).toBe('4');
    expect(await page.getByLabel('Suggest a check-in from this chance of going quiet (%)').inputValue()).toBe('35');
    await page.close();
  });

  it('exports everything, deletes all after a confirmation, and imports it back', async () => {
    const page = await openOptions();
    const before = await tableCounts(page);
    const backup = await exportBackup(page);
    expect(JSON.parse(backup).tables.clients.length).toBe(before.clients);

    await page.getByRole('button', { name: 'Delete all data…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete all Keepwarm data?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await tableCounts(page)).toEqual(before);
    await page.getByRole('button', { name: 'Delete all data…' }).click();
    await dialog.getByRole('button', { name: 'Delete everything' }).click();
    await expect.poll(() => page.getByTestId('data-outcome').textContent()).toBe('All data deleted.');
    expect(Object.values(await tableCounts(page)).every((n) => n === 0)).toBe(true);

    const fileInput = page.getByLabel('Choose a backup file (JSON)…');
    await fileInput.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"tab') });
    await expect.poll(() => page.getByTestId('data-problem').textContent()).toContain('not JSON');
    await fileInput.setInputFiles({
      name: 'keepwarm-backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(backup),
    });
    await page.getByRole('dialog').getByRole('button', { name: 'Replace with the backup' }).click();
    await expect.poll(() => page.getByTestId('data-outcome').textContent()).toMatch(/^Backup restored/);
    expect(await tableCounts(page)).toEqual(before);
    const again = JSON.parse(await exportBackup(page));
    expect(again.tables).toEqual(JSON.parse(backup).tables);
    // The restored settings are the page's settings again.
    await page.reload();
    await page.waitForSelector('#settings form');
    expect(await page.getByLabel('Reply-time target (working hours)').inputValue()).toBe('4');
    expect(await page.getByLabel('Suggest a check-in from this chance of going quiet (%)').inputValue()).toBe('35');
    await page.close();
  });

  it('deletes one account’s data after a confirmation and leaves the other account as it was', async () => {
    const page = await openOptions();
    const second = server.mailbox.accounts[1]?.address ?? '';
    const rowsOf = (address: string) =>
      page.evaluate(
        (address) =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open('keepwarm');
            open.onsuccess = () => {
              const tx = open.result.transaction(['messages', 'threads'], 'readonly');
              const range = IDBKeyRange.bound([address, ''], [address, '\uffff']);
              const messages = tx.objectStore('messages').count(range);
              const threads = tx.objectStore('threads').count(range);
              tx.oncomplete = () => {
                open.result.close();
                resolve(messages.result + threads.result);
              };
            };
          }),
        address,
      );
    const secondBefore = await rowsOf(second);
    expect(secondBefore).toBeGreaterThan(0);
    expect(await rowsOf(account)).toBeGreaterThan(0);
    await page.getByRole('button', { name: `Delete the data of ${account}…` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete this account’s data' }).click();
    await expect.poll(() => page.getByTestId('data-outcome').textContent()).toBe(`Data of ${account} deleted.`);
    expect(await rowsOf(account)).toBe(0);
    expect(await rowsOf(second)).toBe(secondBefore);
    await expect.poll(() => page.getByRole('button', { name: `Delete the data of ${account}…` }).count()).toBe(0);
    await page.close();
  });

  it('runs the backtest of an account in the background and says its figures or why there are none', async () => {
    const page = await openOptions();
    const section = page.locator('#backtest');
    // Whichever account the earlier tests left: every known account is offered, the first chosen.
    expect(await section.getByLabel('Account').inputValue()).toMatch(/@/);
    await section.getByRole('button', { name: 'Run the backtest' }).click();
    const summary = section.getByTestId('backtest-summary');
    await summary.waitFor({ timeout: 60_000 });
    expect(await summary.textContent()).toMatch(
      /^(Clients who went quiet in your past: \d+\.|Too little history to backtest|No client has enough history|No client went quiet|Every client went quiet)/,
    );
    expect(await section.textContent()).toContain('Flagged: the level “High” or “Critical”');
    await page.close();
  });

  it('switches every visible string to Ukrainian and Russian at once', async () => {
    const page = await openOptions();
    const english = await visibleTexts(page);
    expect(english).toContain('Save settings');
    for (const [language, heading] of [
      ['uk', 'Налаштування Keepwarm'],
      ['ru', 'Настройки Keepwarm'],
    ] as const) {
      await page.locator('#language').selectOption(language);
      await expect.poll(() => page.locator('h1').textContent()).toBe(heading);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
      const texts = await visibleTexts(page);
      expect(texts.length).toBeGreaterThan(english.length * 0.9);
      expect(texts.filter((text) => !readsAsTranslated(text) || (english.includes(text) && hasWords(text)))).toEqual(
        [],
      );
    }
    await page.reload();
    await page.waitForSelector('#settings form');
    expect(await page.locator('h1').textContent()).toBe('Настройки Keepwarm');
    await page.locator('#language').selectOption('auto');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Keepwarm options');
    await page.close();
  });
});

/** Text a Ukrainian or Russian page may show in Latin letters: names, addresses, web addresses, file names. */
const SAME_IN_EVERY_LANGUAGE = /Keepwarm|Gmail|JSON|CSV|acme\.com|https?:\/\/[\w./-]*|[\w.+-]+@[\w.-]+|\d+:\d+/g;

/** Latin words beyond what every language shares. */
function hasWords(text: string): boolean {
  return /[A-Za-z]{2,}/.test(text.replace(SAME_IN_EVERY_LANGUAGE, ''));
}

function readsAsTranslated(text: string): boolean {
  return /[\u0400-\u04FF]/.test(text) || !hasWords(text);
}

/** Every text and accessible name on the page, except what is marked as not to translate (addresses, zones). */
function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      if (text !== '' && !node.parentElement?.closest('textarea, [translate="no"]')) texts.push(text);
    }
    for (const element of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const value = element.getAttribute(name);
        if (value) texts.push(value);
      }
    }
    return texts;
  });
}
