import { MAX_DATA_THREADS } from '@/lib/messaging/limits';
import type { GmailDataHealth, GmailDataReading, GmailDataThread } from '@/lib/sites/gmail/page-data/records';
import { decodeGmailData, type GmailDataDetail, MAX_HELD_PAYLOADS } from './gmail-data-channel';

// The isolated side of the channel. Any script in the page can dispatch the
// channel's event, so every detail is untrusted: it is taken only as a string
// within bounds, from the tab's own origin and account, at a rate Gmail's own
// traffic never exceeds; whatever is refused is counted, never read further.
// What is taken is parsed one payload per task, away from the event that
// brought it, and held (bounded) until the background can be told.

/** Payloads taken per window; Gmail fetches a list or a thread per user action, far fewer. */
export const MAX_PAYLOADS_PER_WINDOW = 40;
export const RATE_WINDOW_MS = 10_000;
/** Payloads waiting for their parse: all the page-world script held before the receiver listened come at once. */
export const MAX_QUEUED_PAYLOADS = MAX_HELD_PAYLOADS;
/** Threads held until they are sent (the account's address can come late): one message's worth. */
export const MAX_HELD_THREADS = MAX_DATA_THREADS;

const ACCOUNT_IN_PATH = /^\/(?:mail|sync)\/((?:b\/[^/]+\/)?u\/\d+)(?:\/|$)/;

/** `u/1` of `/mail/u/1/…` or `/sync/u/1/…`; Gmail leaves `/u/0` out with one account signed in. */
export function accountPathOf(url: URL): string | undefined {
  if (!/^\/(?:mail|sync)(?:\/|$)/.test(url.pathname)) return undefined;
  return ACCOUNT_IN_PATH.exec(url.pathname)?.[1] ?? 'u/0';
}

export interface GmailDataReceiverOptions {
  /** The tab's own URL, read when data arrives. */
  pageUrl: () => string;
  /** Whether a request URL is one of Gmail's thread-data requests. */
  isDataUrl: (url: string) => boolean;
  /** The pure parser: never throws, bounded, says what it refused. */
  parse: (text: string, context: { url: string }) => GmailDataReading;
  now: () => number;
  /** Runs a task later, off the event (and Gmail's handler) that brought the data. */
  defer: (task: () => void) => void;
  /** Something is ready to be taken. */
  onReady: () => void;
}

export interface GmailDataBatch {
  threads: GmailDataThread[];
  health: GmailDataHealth;
}

function emptyHealth(): GmailDataHealth {
  return { payloads: 0, recognised: 0, threads: 0, messages: 0, dropped: 0, refused: {} };
}

export class GmailDataReceiver {
  private queue: GmailDataDetail[] = [];
  private threads: GmailDataThread[] = [];
  private health = emptyHealth();
  private changed = false;
  private windowStart = Number.NEGATIVE_INFINITY;
  private windowCount = 0;

  constructor(private readonly options: GmailDataReceiverOptions) {}

  /** One event's detail, as any script in the page may have sent it. */
  receive(detail: unknown): void {
    const refused = this.check(detail);
    if (typeof refused === 'string') {
      this.refuse(refused);
      return;
    }
    this.queue.push(refused);
    if (this.queue.length === 1) this.options.defer(() => this.parseNext());
  }

  /** Everything read and counted since the last take, or nothing when nothing came. */
  take(): GmailDataBatch | undefined {
    if (!this.changed) return undefined;
    const batch = { threads: this.threads, health: this.health };
    this.threads = [];
    this.health = emptyHealth();
    this.changed = false;
    return batch;
  }

  private check(detail: unknown): GmailDataDetail | string {
    const decoded = decodeGmailData(detail);
    if ('refused' in decoded) return decoded.refused;
    if (decoded.kind === 'too-large') return 'too-large';
    let url: URL;
    let page: URL;
    try {
      url = new URL(decoded.url);
      page = new URL(this.options.pageUrl());
    } catch {
      return 'bad-url';
    }
    if (url.origin !== page.origin) return 'other-origin';
    const account = accountPathOf(url);
    if (account === undefined || account !== accountPathOf(page)) return 'other-account';
    if (decoded.kind === 'response' && !this.options.isDataUrl(url.href)) return 'not-data-url';
    const now = this.options.now();
    if (now - this.windowStart >= RATE_WINDOW_MS) {
      this.windowStart = now;
      this.windowCount = 0;
    }
    if (this.windowCount >= MAX_PAYLOADS_PER_WINDOW || this.queue.length >= MAX_QUEUED_PAYLOADS) return 'flood';
    this.windowCount += 1;
    return { ...decoded, url: url.href };
  }

  private refuse(reason: string): void {
    this.health.payloads += 1;
    this.health.refused[reason] = (this.health.refused[reason] ?? 0) + 1;
    this.changed = true;
    this.options.onReady();
  }

  private parseNext(): void {
    const next = this.queue[0];
    if (!next) return;
    let reading: GmailDataReading | undefined;
    try {
      reading = this.options.parse(next.text, { url: next.url });
    } catch {
      // The parser promises never to throw; if it does, the payload is counted, not lost silently.
    }
    this.queue.shift();
    if (this.queue.length > 0) this.options.defer(() => this.parseNext());
    if (!reading) {
      this.refuse('parser-error');
      return;
    }
    this.add(reading);
  }

  private add({ threads, health }: GmailDataReading): void {
    const total = this.health;
    total.payloads += health.payloads;
    total.recognised += health.recognised;
    total.threads += health.threads;
    total.messages += health.messages;
    total.dropped += health.dropped;
    for (const [reason, count] of Object.entries(health.refused)) {
      total.refused[reason] = (total.refused[reason] ?? 0) + count;
    }
    const room = Math.max(0, MAX_HELD_THREADS - this.threads.length);
    this.threads.push(...threads.slice(0, room));
    total.dropped += Math.max(0, threads.length - room);
    this.changed = true;
    this.options.onReady();
  }
}
