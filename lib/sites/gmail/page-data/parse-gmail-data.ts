import { Assembly } from './assemble';
import { accountIndexOf, isGmailDataUrl } from './data-url';
import { isEmbedded, readEmbedded } from './embedded-format';
import { field } from './fields';
import { jsonEnd, skipSpace } from './json-scan';
import { readLegacy } from './legacy-format';
import { deframe, hasLegacyGuard } from './legacy-frames';
import { MAX_PAYLOAD_CHARS } from './limits';
import type { GmailDataHealth, GmailDataReading } from './records';
import { readSync } from './sync-format';

// The one entry point: raw text of one of Gmail's responses (or an embedded
// `_GM_setData` script) in, plain records and a health count out. Pure, never
// throws, reads nothing but its arguments.

export interface GmailDataSource {
  /** The response's URL (or the page's, for embedded data): it names the account the data belongs to. */
  url: string;
  /** The tab's own account path (`/mail/u/1/`); data of any other account is refused, not read. */
  accountPath?: string;
}

export type GmailDataRefusal = 'not-gmail' | 'too-large' | 'truncated' | 'other-account';

function refused(reason: GmailDataRefusal): GmailDataReading {
  return {
    threads: [],
    health: { payloads: 1, recognised: 0, threads: 0, messages: 0, dropped: 0, refused: { [reason]: 1 } },
  };
}

function reading(assembly: Assembly): GmailDataReading {
  const threads = assembly.threads();
  const health: GmailDataHealth = {
    payloads: 1,
    recognised: 1,
    threads: threads.length,
    messages: threads.reduce((sum, thread) => sum + thread.messages.length, 0),
    dropped: assembly.dropped,
    refused: {},
  };
  if (Object.keys(assembly.droppedBy).length > 0) health.droppedBy = { ...assembly.droppedBy };
  return { threads, health };
}

function readJson(text: string, start: number, url: string, assembly: Assembly): GmailDataRefusal | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return jsonEnd(text, start) < 0 ? 'truncated' : 'not-gmail';
  }
  if (readSync(value, assembly)) return undefined;
  // An empty list or thread response has no thread to recognise it by: its URL
  // and the numeric status every sync response opens with (field 1) do.
  return isGmailDataUrl(url) && /\/sync\//.test(url) && typeof field(value, 1) === 'number' ? undefined : 'not-gmail';
}

function read(text: string, source: GmailDataSource): GmailDataReading {
  if (text.length > MAX_PAYLOAD_CHARS) return refused('too-large');
  const account = accountIndexOf(source.url);
  if (account === undefined) return refused('not-gmail');
  if (source.accountPath !== undefined && accountIndexOf(`https://mail.google.com${source.accountPath}`) !== account) {
    return refused('other-account');
  }
  const assembly = new Assembly();
  const start = skipSpace(text, 0);
  const first = text.charAt(start);
  if (first === '{' || first === '[') {
    const refusal = readJson(text, start, source.url, assembly);
    return refusal ? refused(refusal) : reading(assembly);
  }
  if (hasLegacyGuard(text, start)) {
    const deframed = deframe(text, start);
    if (typeof deframed === 'string') return refused(deframed);
    readLegacy(deframed.chunks, assembly);
    return reading(assembly);
  }
  if (isEmbedded(text)) {
    const result = readEmbedded(text, assembly, account);
    return result === 'read' ? reading(assembly) : refused(result);
  }
  return refused('not-gmail');
}

/**
 * Reads one payload of Gmail's own thread data: a sync `bv`/`fd` response (both
 * the object and the array encodings), a `_GM_setData({…})` script, or an
 * older API `)]}'` thread list or conversation. Refuses (counted in `health.refused`)
 * text that is none of these (`not-gmail`), longer than MAX_PAYLOAD_CHARS
 * (`too-large`), cut short (`truncated`) or from another account than
 * `source.accountPath` (`other-account`). Never throws.
 */
export function parseGmailData(text: string, source: GmailDataSource): GmailDataReading {
  try {
    return read(typeof text === 'string' ? text : '', source);
  } catch {
    // Unreachable by design (every reader checks types); kept so a page can never break the content script.
    return refused('not-gmail');
  }
}
