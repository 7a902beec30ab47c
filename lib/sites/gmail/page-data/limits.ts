// Bounds on what one payload may cost and hold. Gmail's largest real response
// we know (a 24-message conversation with its HTML bodies) is 379 KB; a long
// thread with big bodies runs to a few MB. Above 4 MiB of text the parse alone
// would hold the tab's main thread for tens of milliseconds, so such a payload
// is refused whole (counted `too-large`) rather than read in part.

export const MAX_PAYLOAD_CHARS = 4 * 1024 * 1024;

/** A list page shows at most 100 threads; a batch of thread responses a few dozen. */
export const MAX_THREADS = 500;
/**
 * Thread entries one payload may make the parser look at: twice the threads it
 * may return, so a payload of a million empty entries costs no more than a
 * real one; the entries past it are counted `over-limit`, unread.
 */
export const MAX_THREAD_ENTRIES = 2 * MAX_THREADS;
/**
 * The largest chunk in the older API's JavaScript syntax the parser rewrites to
 * JSON. Gmail has sent JSON chunks since about 2018 (every later sample is
 * JSON); the JavaScript form is that of 2014-era lists, some 25 KB.
 */
export const MAX_SCRIPT_CHUNK_CHARS = 512 * 1024;
/** Gmail itself stops threading at 100 messages; 500 leaves room and matches the conversation schema. */
export const MAX_MESSAGES_PER_THREAD = 500;
export const MAX_RECIPIENTS = 100;
export const MAX_LABELS = 100;

export const MAX_SUBJECT = 1000;
export const MAX_SNIPPET = 500;
export const MAX_NAME = 200;
export const MAX_LABEL = 200;

// Gmail opened on 2004-04-01; the schema refuses anything earlier, and a time
// past 2100 is a misread field, not a message.
export const EARLIEST_TIME = Date.UTC(2004, 3, 1);
export const LATEST_TIME = Date.UTC(2100, 0, 1);

/** Cuts at a code point, so a clipped string never ends in half a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}
