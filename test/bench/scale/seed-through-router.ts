import type { Page } from 'playwright-core';
import { contentKey } from '@/lib/mail-import/dedupe';
import type { ThreadRowRecord } from '@/lib/sites/gmail/records';
import { mailMessagesOf } from '../../demo/mailbox/mail-messages';
import type { DemoAccount } from '../../demo/mailbox/types';

// Stores an account the way the extension learns one: the Gmail list's thread
// rows through `content/gmail-threads-seen`, sent from the Gmail content
// script's own world, and every message through `ui/import-batch` from an
// extension page, each batch validated by the background's router and stored
// by its ingest before it answers.

const ROWS_PER_MESSAGE = 2000;
const IMPORT_BATCH = 1000;
/** Batches per page call: fewer round trips from here, the same messages to the background. */
const BATCHES_PER_CALL = 10;

/** The rows Gmail's lists show for every thread, as the content script reads them. */
export function threadRowsOf(account: DemoAccount): ThreadRowRecord[] {
  return account.threads.map((thread) => {
    const last = thread.messages.at(-1);
    const senders = [...new Map(thread.messages.map((m) => [m.from.email, m.from])).values()];
    return {
      threadId: thread.id,
      legacyThreadId: thread.hex,
      ...(last && { lastMessageId: last.id, lastActivityAt: last.at }),
      timeSource: 'id',
      subject: thread.subject,
      snippet: last?.snippet ?? '',
      participants: senders.map((p) => ({ email: p.email, name: p.name, isMe: p.email === account.address })),
      unread: false,
      messageCount: thread.messages.length,
      hasDraft: false,
    };
  });
}

function checkReplies(replies: unknown[]): void {
  for (const reply of replies) {
    if (typeof reply === 'object' && reply !== null && 'refused' in reply) {
      throw new Error(`the background refused a seeding message: ${String((reply as { refused: unknown }).refused)}`);
    }
  }
}

/** Sends the import batches from an extension page; resolves once every batch is stored, with each batch's time. */
export async function importThroughRouter(extensionPage: Page, account: DemoAccount): Promise<number[]> {
  // The demo mail has no bodies: each message's snippet stands in for its body's fingerprint.
  const messages = mailMessagesOf(account).map((m) => ({
    ...m,
    copyKey: contentKey({ at: m.at, fromEmail: m.from.email, subject: m.subject, bodyHash: m.snippet }),
  }));
  const batchMs: number[] = [];
  for (let i = 0; i < messages.length; i += IMPORT_BATCH * BATCHES_PER_CALL) {
    const batches = [];
    for (let j = i; j < Math.min(messages.length, i + IMPORT_BATCH * BATCHES_PER_CALL); j += IMPORT_BATCH) {
      batches.push({
        type: 'ui/import-batch',
        account: account.address,
        messages: messages.slice(j, j + IMPORT_BATCH),
      });
    }
    // One string crosses into the page far faster than the same records as objects.
    const { replies, times } = await extensionPage.evaluate(async (json) => {
      const { runtime } = (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome;
      const replies: unknown[] = [];
      const times: number[] = [];
      for (const batch of JSON.parse(json) as unknown[]) {
        const start = performance.now();
        replies.push(await runtime.sendMessage(batch));
        times.push(performance.now() - start);
      }
      return { replies, times };
    }, JSON.stringify(batches));
    checkReplies(replies);
    batchMs.push(...times);
    if (process.env.KEEPWARM_BENCH_PROGRESS) {
      process.stderr.write(
        `  imported ${Math.min(messages.length, i + IMPORT_BATCH * BATCHES_PER_CALL)} of ${messages.length}, last batch ${Math.round(times.at(-1) ?? 0)} ms\n`,
      );
    }
  }
  return batchMs;
}

/**
 * Sends every thread row from the content script's isolated world of an open
 * Gmail page, so the router sees a content script in a tab, as it does in use.
 */
export async function threadRowsThroughContentScript(gmail: Page, extensionId: string, account: DemoAccount) {
  const cdp = await gmail.context().newCDPSession(gmail);
  const contexts: { id: number; origin: string }[] = [];
  cdp.on('Runtime.executionContextCreated', (event: { context: { id: number; origin: string } }) => {
    contexts.push(event.context);
  });
  await cdp.send('Runtime.enable');
  const origin = `chrome-extension://${extensionId}`;
  // The content script starts once the page is idle.
  for (let wait = 0; wait < 100 && !contexts.some((c) => c.origin === origin); wait++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const world = contexts.find((c) => c.origin === origin);
  if (!world) throw new Error('the Gmail page has no Keepwarm content script');
  const rows = threadRowsOf(account);
  const health = { seen: 0, parsed: 0, failures: {}, missing: [], healthy: true };
  for (let i = 0; i < rows.length; i += ROWS_PER_MESSAGE) {
    const message = {
      type: 'content/gmail-threads-seen',
      account: { accountPath: 'u/0', address: account.address },
      pageLanguage: 'en',
      health: { ...health, seen: Math.min(ROWS_PER_MESSAGE, rows.length - i), parsed: 0 },
      threads: rows.slice(i, i + ROWS_PER_MESSAGE),
    };
    message.health.parsed = message.health.seen;
    const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
      contextId: world.id,
      expression: `chrome.runtime.sendMessage(${JSON.stringify(message)})`,
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value: unknown }; exceptionDetails?: { text: string } };
    if (exceptionDetails) throw new Error(`sending thread rows failed: ${exceptionDetails.text}`);
    checkReplies([result.value]);
  }
  await cdp.detach();
  return rows.length;
}
