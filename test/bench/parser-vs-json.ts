import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { literalToJson } from '@/lib/sites/gmail/page-data/legacy-frames';
import { parseGmailData } from '@/lib/sites/gmail/page-data/parse-gmail-data';
import { type Benchmark, medianMs } from './benchmark';

// The page-data parser on Gmail's real payloads, beside JSON.parse of the same
// bytes from the same run. The baseline is JSON.parse of the text once Gmail's
// `)]}'` guard and chunk lengths are removed (the JSON the browser itself would
// have to parse); for the 2014 list, whose chunks are JavaScript, not JSON, it
// is JSON.parse of those chunks already rewritten to JSON, so the figure shows
// what the rewriting costs on top.

const XHR = path.resolve(import.meta.dirname, '../../../shared/fixtures/gmail/xhr');
const REPEAT = 41;
const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The JSON chunks of a `)]}'` response: every line that opens an array, as Gmail frames them one a line. */
function chunksOf(text: string): string[] {
  const body = text.slice(text.indexOf('\n'));
  const chunks: string[] = [];
  let depth = 0;
  let start = -1;
  let quote = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body.charAt(i);
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if (ch === ']' && --depth === 0) chunks.push(body.slice(start, i + 1));
  }
  return chunks;
}

async function measure(text: string, url: string, baseline: () => unknown) {
  const reading = parseGmailData(text, { url });
  const parserMs = await medianMs(REPEAT, () => parseGmailData(text, { url }), 3);
  const jsonMs = await medianMs(REPEAT, baseline, 3);
  return {
    bytes: Buffer.byteLength(text),
    threads: reading.health.threads,
    messages: reading.health.messages,
    parserMedianMs: round(parserMs),
    jsonParseMedianMs: round(jsonMs),
    parserOverJsonParse: round(parserMs / jsonMs, 2),
  };
}

export const parserVsJson: Benchmark = {
  name: 'parser-vs-json',
  async run() {
    if (!existsSync(XHR)) throw new Error(`the real Gmail payloads are not beside the checkout (${XHR})`);
    const read = (name: string) => readFileSync(path.join(XHR, name), 'utf8');

    const conversation = read('inboxsdk/gmail-response-processor/extract-message-response.txt');
    const conversationJson = chunksOf(conversation);
    const syncList = read('gmail.js/testdata-parser-bv-request-payload.json');
    const oldList = read('inboxsdk/injected-thread-identifier-ajax.txt');
    const oldListJson = chunksOf(oldList).map(literalToJson);

    return {
      repeat: REPEAT,
      // The largest real payload: a 2018 conversation of 24 messages with their bodies.
      largestConversation: await measure(conversation, 'https://mail.google.com/mail/u/0/?ui=2&view=cv', () =>
        conversationJson.map((chunk) => JSON.parse(chunk)),
      ),
      syncThreadList: await measure(syncList, 'https://mail.google.com/sync/u/0/i/bv', () => JSON.parse(syncList)),
      javascriptSyntaxList: await measure(oldList, 'https://mail.google.com/mail/u/0/?ui=2&view=tl', () =>
        oldListJson.map((chunk) => JSON.parse(chunk)),
      ),
    };
  },
};
