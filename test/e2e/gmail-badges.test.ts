import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientReport } from '../../lib/engine/report-types';
import type { RiskLevel, RiskReason } from '../../lib/engine/risk-types';
import { reasonText } from '../../lib/i18n/risk-reason-text';
import { createTranslator } from '../../lib/i18n/translate';
import { openThreadsOf } from '../demo/browse';
import { type DemoServer, startDemoServer } from '../demo/server';
import { type ExtensionBrowser, launchWithExtension } from './chromium';
import { sendFrom } from './extension-page';

// The risk badges on the demo Gmail: after Keepwarm has read some of the
// mailbox, every row of a known client carries its client's level, the
// tooltip says the engine's reasons, and a click on a badge stays a click on
// the badge.

const ACCOUNT = 'olena@brightpath.studio';
let server: DemoServer;
let browser: ExtensionBrowser;

interface StoredRisk {
  key: string;
  level: RiskLevel;
  reasons: RiskReason[];
  report: Pick<ClientReport, 'metrics' | 'risk'>;
}

beforeAll(async () => {
  server = await startDemoServer({ seed: 7 });
  browser = await launchWithExtension({ hosts: { 'mail.google.com': server.port } });
  const gmail = await browser.context.newPage();
  await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
  await gmail.waitForSelector('tr.zA');
  await openThreadsOf(gmail, 'sent', 40);
  await openThreadsOf(gmail, 'inbox', 40);
  await gmail.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function storedRisks(): Promise<Map<string, StoredRisk>> {
  return browser.serviceWorker
    .evaluate(
      (account) =>
        new Promise<StoredRisk[]>((resolve, reject) => {
          const open = indexedDB.open('keepwarm');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result
              .transaction('clients')
              .objectStore('clients')
              .getAll(IDBKeyRange.bound([account, ''], [account, '\uffff']));
            request.onsuccess = () => {
              open.result.close();
              resolve(
                (request.result as { key: string; report: StoredRisk['report'] }[]).map((c) => ({
                  key: c.key,
                  level: c.report.risk.level,
                  reasons: c.report.risk.reasons,
                  report: c.report,
                })),
              );
            };
          };
        }),
      ACCOUNT,
    )
    .then((list) => new Map(list.map((c) => [c.key, c])));
}

async function openInbox() {
  const gmail = await browser.context.newPage();
  await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
  await gmail.waitForSelector('tr.zA');
  return gmail;
}

/** The inbox with the first badge on it, and the demo token of its row. */
async function firstBadge() {
  const gmail = await openInbox();
  const badge = gmail.locator('tr.zA keepwarm-badge').first();
  await badge.waitFor({ timeout: 15_000 });
  const token = await badge.evaluate((el) => el.closest('tr')?.getAttribute('data-demo-token') ?? '');
  return { gmail, badge, token };
}

/** Per inbox row: its demo token and the level its badge shows, if any. */
type Gmail = Awaited<ReturnType<typeof openInbox>>;
function badgeLevels(gmail: Gmail): Promise<[string, string | null][]> {
  return gmail.$$eval('[gh=tl] tr.zA[id]', (rows) =>
    rows.map((row) => [
      row.getAttribute('data-demo-token') ?? '',
      row.querySelector('keepwarm-badge')?.getAttribute('data-level') ?? null,
    ]),
  );
}

describe('risk badges in Gmail', () => {
  it('marks the rows of known clients with their level and no other row', async () => {
    const gmail = await openInbox();
    const threads = new Map(server.mailbox.accounts[0]?.threads.map((t) => [t.token, t]));
    // Shown against expected, both read afresh: the background may still be finishing its analysis.
    const mismatches = async () => {
      const risks = await storedRisks();
      return (await badgeLevels(gmail)).filter(([token, level]) => {
        const thread = threads.get(token);
        const client = thread?.kind === 'client' && thread.clientKey ? risks.get(thread.clientKey) : undefined;
        return level !== (client?.level ?? null);
      });
    };
    await expect
      .poll(async () => (await badgeLevels(gmail)).filter(([, level]) => level).length, { timeout: 15_000 })
      .toBeGreaterThan(0);
    await expect.poll(mismatches, { timeout: 15_000 }).toEqual([]);
    const levels = (await badgeLevels(gmail)).map(([, level]) => level);
    expect(levels.some((level) => level === 'high' || level === 'critical')).toBe(true);
    // Colleagues, newsletters and notifications never get one.
    for (const [token, level] of await badgeLevels(gmail)) {
      if (threads.get(token)?.kind !== 'client') expect(level, token).toBeNull();
    }
    // Rows are as tall with their badge as without.
    const heights = () =>
      gmail.$$eval('[gh=tl] tr.zA', (rows) => rows.map((row) => row.getBoundingClientRect().height));
    const withBadges = await heights();
    await gmail.addStyleTag({ content: 'keepwarm-badge { display: none !important; }' });
    expect(await heights()).toEqual(withBadges);
    await gmail.close();
  });

  it('says the engine’s top reasons for the client in the tooltip', async () => {
    const gmail = await openInbox();
    const threads = new Map(server.mailbox.accounts[0]?.threads.map((t) => [t.token, t]));
    const badge = gmail
      .locator('tr.zA keepwarm-badge[data-level=critical], tr.zA keepwarm-badge[data-level=high]')
      .first();
    await badge.waitFor({ timeout: 15_000 });
    const token = await badge.evaluate((el) => el.closest('tr')?.getAttribute('data-demo-token') ?? '');
    const tooltip = gmail.locator('keepwarm-tooltip [role=tooltip]');
    const en = createTranslator('en');
    // Waiting times grow by the minute and each recompute stores them anew: compare one report with its tooltip.
    const shownAndStored = async () => {
      await gmail.mouse.move(0, 0);
      await badge.locator('button').hover();
      await tooltip.waitFor({ state: 'visible' });
      const shown = await tooltip.locator('li').allInnerTexts();
      const client = (await storedRisks()).get(threads.get(token)?.clientKey ?? '');
      return { shown, stored: client?.reasons.slice(0, 3).map((reason) => reasonText(en, reason, client.report)) };
    };
    await expect
      .poll(
        async () => {
          const { shown, stored } = await shownAndStored();
          return shown.length > 0 && JSON.stringify(shown) === JSON.stringify(stored);
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    await gmail.close();
  });

  it('keeps a click on the badge from opening the thread, and asks the side panel for the client', async () => {
    const { gmail, badge, token } = await firstBadge();
    await badge.locator('button').click();
    await gmail.waitForTimeout(500);
    expect(new URL(gmail.url()).hash).toBe('#inbox');
    expect(await gmail.locator('h2.hP').count()).toBe(0);
    const requested = await browser.serviceWorker.evaluate(async () => {
      const session = (
        globalThis as unknown as {
          chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } };
        }
      ).chrome.storage.session;
      return (await session.get('sidePanelClient')).sidePanelClient as { account: string; clientKey: string };
    });
    const thread = server.mailbox.accounts[0]?.threads.find((t) => t.token === token);
    expect(requested).toMatchObject({ account: ACCOUNT, clientKey: thread?.clientKey });
    // The rest of the row still opens it.
    await gmail.click(`tr[data-demo-token="${token}"] td.xW`);
    await gmail.waitForSelector('h2.hP');
    await gmail.close();
  });

  it('marks an opened conversation of a client in its heading', async () => {
    const gmail = await openInbox();
    const risks = await storedRisks();
    const thread = server.mailbox.accounts[0]?.threads.find(
      (t) => t.kind === 'client' && t.labels.includes('INBOX') && t.clientKey && risks.has(t.clientKey),
    );
    await gmail.evaluate((token) => {
      location.hash = `#inbox/${token}`;
    }, thread?.token ?? '');
    const badge = gmail.locator('h2.hP keepwarm-badge');
    await badge.waitFor({ timeout: 15_000 });
    expect(await badge.getAttribute('data-level')).toBe(risks.get(thread?.clientKey ?? '')?.level);
    await gmail.close();
  });

  it('follows a change of the risks without a reload', async () => {
    const { gmail, token } = await firstBadge();
    const clientKey = server.mailbox.accounts[0]?.threads.find((t) => t.token === token)?.clientKey;
    const page = await browser.openExtensionPage('popup.html');
    const setIgnored = (ignore: boolean | null) =>
      sendFrom(page, { type: 'ui/set-client-override', account: ACCOUNT, clientKey, override: { ignore } });
    const reply = await setIgnored(true);
    expect(reply).toEqual({ saved: true });
    await expect
      .poll(() => gmail.locator(`tr[data-demo-token="${token}"] keepwarm-badge`).count(), { timeout: 10_000 })
      .toBe(0);
    await setIgnored(null);
    await expect
      .poll(() => gmail.locator(`tr[data-demo-token="${token}"] keepwarm-badge`).count(), { timeout: 10_000 })
      .toBe(1);
    await page.close();
    await gmail.close();
  });

  it('speaks the language the user chose', async () => {
    const { gmail, badge } = await firstBadge();
    const page = await browser.openExtensionPage('popup.html');
    const send = (message: unknown) => sendFrom(page, message);
    const { settings } = (await send({ type: 'ui/get-settings' })) as { settings: Record<string, unknown> };
    const levelWord = () => badge.locator('button').innerText();
    expect(await levelWord()).toMatch(/Low|Watch|High|Critical/);
    for (const [language, words] of [
      ['uk', ['Низький', 'Увага', 'Високий', 'Критичний']],
      ['ru', ['Низкий', 'Внимание', 'Высокий', 'Критический']],
    ] as const) {
      expect(await send({ type: 'ui/set-settings', settings: { ...settings, language } })).toEqual({ saved: true });
      await expect.poll(levelWord, { timeout: 10_000 }).toMatch(new RegExp(words.join('|')));
      await gmail.mouse.move(0, 0);
      await badge.locator('button').hover();
      const tooltip = await gmail.locator('keepwarm-tooltip [role=tooltip]').innerText();
      expect(tooltip).toMatch(/[а-яієїґ]{4}/i);
    }
    await send({ type: 'ui/set-settings', settings: { ...settings, language: 'auto' } });
    await page.close();
    await gmail.close();
  });

  it('marks the rows of the vertical preview pane too', async () => {
    const gmail = await browser.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/?layout=vertical#inbox');
    await gmail.waitForSelector('tr.zA');
    await expect.poll(() => gmail.locator('tr.zA.apv keepwarm-badge').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await gmail.close();
  });

  it('keeps its look when the page’s CSS targets it', async () => {
    const { gmail, badge } = await firstBadge();
    const look = () =>
      badge.evaluate((host) => {
        const button = host.shadowRoot?.querySelector('button');
        const box = button?.getBoundingClientRect();
        const hostStyle = getComputedStyle(host);
        const buttonStyle = button ? getComputedStyle(button) : undefined;
        return {
          display: hostStyle.display,
          visibility: hostStyle.visibility,
          opacity: hostStyle.opacity,
          transform: hostStyle.transform,
          position: hostStyle.position,
          size: [Math.round(box?.width ?? 0), Math.round(box?.height ?? 0)],
          color: buttonStyle?.color,
          background: buttonStyle?.backgroundColor,
          font: buttonStyle?.font,
        };
      });
    const before = await look();
    await gmail.addStyleTag({
      content: `
        keepwarm-badge, [data-keepwarm], tr.zA keepwarm-badge, keepwarm-badge * {
          display: none !important; visibility: hidden !important; opacity: 0 !important;
          transform: scale(4) !important; position: absolute !important;
          font: 40px serif !important; color: transparent !important; background: red !important;
        }`,
    });
    expect(await look()).toEqual(before);
    expect(before.display).toBe('inline-flex');
    await gmail.close();
  });
});
