import type { Assembly } from './assemble';
import { jsonEnd, skipSpace } from './json-scan';
import { readSync } from './sync-format';

// The data Gmail embeds at first load: `_GM_setData({"a6jdv": [[…, …, "<list
// JSON>"]], "Cl6csf": [[…, …, "<thread JSON>"]], …})` script calls (DOM notes
// §1.7). Each key's value holds, third in its first entry, the same sync data
// the `bv` and `fd` requests return, as a JSON string. Other keys (settings,
// tokens) are not read.

const CALL = '_GM_setData(';
const THREAD_KEYS = ['a6jdv', 'Cl6csf'] as const;
/** A page makes a handful of these calls; more is not Gmail's page. */
const MAX_CALLS = 50;

export type EmbeddedResult = 'read' | 'truncated' | 'not-gmail';

export function isEmbedded(text: string): boolean {
  return text.includes(CALL);
}

function embeddedValue(entry: unknown): unknown {
  const raw = Array.isArray(entry) && Array.isArray(entry[0]) ? entry[0][2] : undefined;
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

export function readEmbedded(text: string, assembly: Assembly): EmbeddedResult {
  let from = 0;
  let calls = 0;
  let read = false;
  while (calls < MAX_CALLS) {
    const at = text.indexOf(CALL, from);
    if (at < 0) break;
    calls++;
    const start = skipSpace(text, at + CALL.length);
    from = start;
    if (text.charAt(start) !== '{') continue;
    const end = jsonEnd(text, start);
    if (end < 0) return read ? 'read' : 'truncated';
    from = end;
    let data: unknown;
    try {
      data = JSON.parse(text.slice(start, end));
    } catch {
      continue;
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data)) continue;
    read = true;
    for (const key of THREAD_KEYS) {
      if (!Object.hasOwn(data, key)) continue;
      // An empty list reads as no threads; a block that is not JSON at all is counted.
      const value = embeddedValue((data as Record<string, unknown>)[key]);
      if (value === undefined) assembly.drop('unreadable');
      else readSync(value, assembly);
    }
  }
  return read ? 'read' : 'not-gmail';
}
