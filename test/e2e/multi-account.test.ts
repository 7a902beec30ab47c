import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openThreadsOf } from '../demo/browse';
import { generateMailbox } from '../demo/mailbox/generate';
import type { DemoAccount, DemoThread } from '../demo/mailbox/types';
import { waitingSince } from '../demo/mailbox/waiting-since';
import { type DemoServer, startDemoServer } from '../demo/server';
import { type ExtensionBrowser, launchWithExtension } from './chromium';
import { sendFrom } from './extension-page';

// Two Gmail accounts in one browser that share a client: Acme Logistics is a
// healthy client of the first and waits on a reply in the second. Nothing
// learnt in one account may show up in the other, and deleting one account's
// data leaves the other's records exactly as they were.

const SHARED = 'acmelogistics.com';
let server: DemoServer;
let browser: ExtensionBrowser;
let first: DemoAccount;
let second: DemoAccount;

interface StoredRecord {
  account?: string;
  address?: string;
  id?: string;
  threadId?: string;
  key?: string;
  clientRefs?: string[];
  waitingOnUsSince?: number;
  report?: {
    followUps: { key: string; kind: string; status: string }[];
    threads: { threadId: string }[];
    metrics: { inbound: number; outbound: number };
    risk: { reasons: { kind: string }[] };
  };
}

/** Every table's records, or only one account's (and its part of the settings), read with the bare IndexedDB API. */
function tables(page: Page, account?: string): Promise<Record<string, StoredRecord[]>> {
  return page.evaluate(
    (account) =>
      new Promise<Record<string, StoredRecord[]>>((resolve, reject) => {
        const open = indexedDB.open('keepwarm');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const requests = names.map((name) => [name, tx.objectStore(name).getAll()] as const);
          tx.oncomplete = () => {
            db.close();
            const mine = (record: Record<string, unknown>) =>
              account === undefined || record.account === account || record.address === account;
            const out: Record<string, StoredRecord[]> = {};
            for (const [name, request] of requests) {
              const records = request.result as Record<string, unknown>[];
              out[name] =
                name === 'settings'
                  ? records.map((row) => {
                      const accounts = (row.settings as { accounts: Record<string, unknown> }).accounts;
                      return account === undefined ? row : { account, settings: accounts[account] ?? null };
                    })
                  : (records.filter(mine) as StoredRecord[]);
            }
            resolve(out);
          };
        };
      }),
    account,
  );
}

/** Waits, inside or outside a test, until every recompute the history asked for is done. */
async function untilSettled(page: Page): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (((await tables(page)).recomputeMarks?.length ?? 0) > 0) {
    if (Date.now() > deadline) throw new Error('recomputes still pending after 30 s');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const messageIds = (account: DemoAccount, key?: string) =>
  new Set(account.threads.filter((t) => !key || t.clientKey === key).flatMap((t) => t.messages.map((m) => m.id)));

function sharedThread(account: DemoAccount): DemoThread {
  const thread = account.threads.find((t) => t.clientKey === SHARED && t.labels.includes('INBOX'));
  if (!thread) throw new Error(`${account.address} has no inbox thread with ${SHARED}`);
  return thread;
}

beforeAll(async () => {
  const now = Date.now();
  server = await startDemoServer({ mailbox: generateMailbox({ seed: 7, now, sharedClient: 'waitingOnUs' }), now });
  [first, second] = server.mailbox.accounts as [DemoAccount, DemoAccount];
  browser = await launchWithExtension({ hosts: { 'mail.google.com': server.port } });
  const gmail = await browser.context.newPage();
  for (const path of ['u/0', 'u/1']) {
    await gmail.goto(`https://mail.google.com/mail/${path}/#inbox`);
    await gmail.waitForSelector('tr.zA');
    await openThreadsOf(gmail, 'sent', 50);
    await openThreadsOf(gmail, 'inbox', 50);
  }
  // The shared client's own conversations in both accounts, wherever their lists put them.
  for (const [path, account] of [
    ['u/0', first],
    ['u/1', second],
  ] as const) {
    await gmail.goto(`https://mail.google.com/mail/${path}/#inbox`);
    await gmail.waitForSelector('tr.zA');
    for (const thread of account.threads.filter((t) => t.clientKey === SHARED).slice(0, 10)) {
      await gmail.evaluate((token) => {
        location.hash = `#all/${token}`;
      }, thread.token);
      await gmail.waitForSelector('h2.hP');
    }
  }
  await gmail.close();
  const options = await browser.openExtensionPage('options.html');
  await untilSettled(options);
  await options.close();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('two Gmail accounts sharing a client', () => {
  it('stores each account’s mail, threads and clients under that account only', async () => {
    const page = await browser.openExtensionPage('options.html');
    for (const [account, other] of [
      [first, second],
      [second, first],
    ] as const) {
      const stored = await tables(page, account.address);
      const own = messageIds(account);
      const others = messageIds(other);
      expect(stored.messages?.length).toBeGreaterThan(0);
      for (const message of stored.messages ?? []) {
        expect(own.has(message.id ?? '')).toBe(true);
        expect(others.has(message.id ?? '')).toBe(false);
        for (const ref of message.clientRefs ?? []) expect(ref.startsWith(`${account.address}|`)).toBe(true);
      }
      const threadIds = new Set(account.threads.map((t) => t.id));
      for (const thread of stored.threads ?? []) expect(threadIds.has(thread.threadId ?? '')).toBe(true);
      expect(stored.clients?.map((c) => c.key)).toContain(SHARED);
    }
    await page.close();
  });

  it('keeps the shared client’s history, reply times and waiting apart', async () => {
    const page = await browser.openExtensionPage('options.html');
    const [inFirst, inSecond] = await Promise.all([tables(page, first.address), tables(page, second.address)]);
    for (const [account, stored] of [
      [first, inFirst],
      [second, inSecond],
    ] as const) {
      const client = stored.clients?.find((c) => c.key === SHARED);
      const known = (stored.messages ?? []).filter(
        (m) => m.clientRefs?.includes(`${account.address}|${SHARED}`) && (m as { senderKnown?: boolean }).senderKnown,
      );
      const own = messageIds(account, SHARED);
      // Every message behind the client's numbers is one of this account's messages with the client.
      for (const message of known) expect(own.has(message.id ?? '')).toBe(true);
      const counted = (client?.report?.metrics.inbound ?? 0) + (client?.report?.metrics.outbound ?? 0);
      expect(counted).toBeGreaterThan(0);
      expect(counted).toBeLessThanOrEqual(known.length);
      const threads = new Set(account.threads.filter((t) => t.clientKey === SHARED).map((t) => t.id));
      for (const thread of client?.report?.threads ?? []) expect(threads.has(thread.threadId)).toBe(true);
    }
    // Only the second account has Acme's unanswered message; the first's wait (if any) is its own.
    const waiting = sharedThread(second);
    const secondAcme = inSecond.clients?.find((c) => c.key === SHARED);
    const firstAcme = inFirst.clients?.find((c) => c.key === SHARED);
    const lastOfSecond = second.threads
      .filter((t) => t.clientKey === SHARED)
      .flatMap((t) => t.messages)
      .sort((a, b) => b.at - a.at)[0];
    expect(lastOfSecond?.direction).toBe('in');
    const since = waitingSince(second, SHARED);
    expect(since).toBeDefined();
    expect(secondAcme?.waitingOnUsSince).toBe(since);
    expect(firstAcme?.waitingOnUsSince).not.toBe(since);
    expect(waiting.clientKey).toBe(SHARED);
    await page.close();
  });

  it('records a follow-up decision in one account only', async () => {
    const page = await browser.openExtensionPage('options.html');
    const before = await tables(page, first.address);
    const followUp = (await tables(page, second.address)).clients?.find((c) => c.key === SHARED)?.report?.followUps[0];
    expect(followUp).toBeDefined();
    expect(
      await sendFrom(page, {
        type: 'ui/set-follow-up',
        account: second.address,
        clientKey: SHARED,
        key: followUp?.key,
        status: 'dismissed',
      }),
    ).toEqual({ saved: true });
    // The decision reaches the report with the recompute it schedules.
    const statusOf = async () =>
      (await tables(page, second.address)).clients
        ?.find((c) => c.key === SHARED)
        ?.report?.followUps.find((f) => f.key === followUp?.key)?.status;
    await expect.poll(statusOf, { timeout: 15_000 }).toBe('dismissed');
    const decided = await tables(page, second.address);
    expect(decided.followUpStates?.map((s) => [s.key, (s as { status?: string }).status])).toContainEqual([
      followUp?.key,
      'dismissed',
    ]);
    // The other account's records did not move: no decision, no recompute.
    expect(await tables(page, first.address)).toEqual(before);
    await page.close();
  });

  it('shows each account’s client in the popup and the side panel, never the other’s', async () => {
    const popup = await browser.openExtensionPage('popup.html');
    await popup.waitForSelector('[data-testid="onYou-header"]');
    // The list draws only the rows in view, and how many clients wait depends on the day the mail is dated
    // against: the search keeps the shared client's rows, and only theirs, in view.
    await popup.fill('input[type="search"]', SHARED);
    const onYou = `[data-side="onYou"] .kw-row[data-client="${SHARED}"]`;
    await expect.poll(async () => (await popup.$$(onYou)).length, { timeout: 15_000 }).toBeGreaterThan(0);
    const acmeRows = await popup.$$eval(onYou, (rows) => rows.map((row) => row.getAttribute('data-account')));
    // Listed in the account whose own report has it waiting on the user (or a cue to acknowledge), and only there: always the
    // second; the first only on days its own mail leaves a reply overdue.
    const reports = await browser.openExtensionPage('options.html');
    const waitingIn: string[] = [];
    for (const account of [first, second]) {
      const acme = (await tables(reports, account.address)).clients?.find((c) => c.key === SHARED);
      const waits = acme?.report?.risk.reasons.some((r) => r.kind === 'waiting_on_us');
      // A cue still to acknowledge lists a client too, before its reply is overdue.
      const cue = acme?.report?.followUps?.some((f) => f.kind === 'acknowledge' && f.status === 'open');
      if (waits || cue) waitingIn.push(account.address);
    }
    await reports.close();
    expect(waitingIn).toContain(second.address);
    expect(acmeRows.sort()).toEqual(waitingIn.sort());
    // With two accounts' clients listed, every row says whose mail it is in.
    const named = await popup.$$eval('[data-side] .kw-row', (rows) =>
      rows.map((row) => [row.getAttribute('data-account'), row.querySelector('.kw-row__account')?.textContent]),
    );
    expect(named.length).toBeGreaterThan(0);
    for (const [account, shown] of named) expect(shown).toBe(account);
    await popup.close();

    const panel = await browser.openExtensionPage('sidepanel.html');
    const gmail = await browser.context.newPage();
    for (const [path, account] of [
      ['u/1', second],
      ['u/0', first],
    ] as const) {
      await gmail.goto(`https://mail.google.com/mail/${path}/#all/${sharedThread(account).token}`);
      await gmail.waitForSelector('h2.hP');
      await gmail.bringToFront();
      const view = panel.locator(`[data-testid="client-view"][data-client="${SHARED}"]`);
      await expect.poll(() => view.getAttribute('data-account'), { timeout: 15_000 }).toBe(account.address);
      // The timeline lists only this account's subjects with the client.
      const subjects = new Set(account.threads.filter((t) => t.clientKey === SHARED).map((t) => t.subject));
      const otherSubjects = (account === first ? second : first).threads
        .filter((t) => t.clientKey === SHARED && !subjects.has(t.subject))
        .map((t) => t.subject);
      const text = await view.innerText();
      for (const subject of otherSubjects) expect(text).not.toContain(subject);
    }
    await gmail.close();
    await panel.close();
  });

  it('deleting one account’s data leaves every record of the other exactly as it was', async () => {
    const page = await browser.openExtensionPage('options.html');
    await page.waitForSelector('#settings form');
    await untilSettled(page);
    const keptBefore = JSON.stringify(await tables(page, second.address));
    expect(Object.values(await tables(page, first.address)).some((rows) => rows.length > 0)).toBe(true);
    await page.getByRole('button', { name: `Delete the data of ${first.address}…` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete this account’s data' }).click();
    await expect.poll(() => page.getByTestId('data-outcome').textContent()).toBe(`Data of ${first.address} deleted.`);
    const gone = await tables(page, first.address);
    for (const [table, rows] of Object.entries(gone)) {
      expect({ table, rows: table === 'settings' ? [] : rows }).toEqual({ table, rows: [] });
    }
    expect(gone.settings?.every((row) => (row as { settings: unknown }).settings === null)).toBe(true);
    expect(JSON.stringify(await tables(page, second.address))).toBe(keptBefore);
    await page.close();

    const popup = await browser.openExtensionPage('popup.html');
    await popup.waitForSelector('[data-testid="onYou-header"]');
    await expect.poll(() => popup.innerText('body')).toContain(second.address);
    expect(await popup.innerText('body')).not.toContain(first.address);
    await popup.close();
  });
});
