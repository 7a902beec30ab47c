import type { Assembly } from './assemble';
import { jsonEnd, skipSpace } from './json-scan';
import { readSync } from './sync-format';

// The data Gmail embeds at first load: `_GM_setData({"a6jdv": [[…, …, "<list
// JSON>"]], "Cl6csf": [[…, …, "<thread JSON>"]], …})` script calls (DOM notes
// §1.7). Each key's value holds, third in its first entry, the same sync data
// the `bv` and `fd` requests return, as a JSON string. Other keys (settings,
// tokens) are not read, except the account path Gmail states in `w43KIf`
// (`["sdpc", token, ik, origin, "/u/1", …]`, as on the real 2025 pages): data
// that says it is another account's is refused whole.

const CALL = '_GM_setData(';
const THREAD_KEYS = ['a6jdv', 'Cl6csf'] as const;
/** A page makes a handful of these calls; more is not Gmail's page. */
const MAX_CALLS = 50;

export type EmbeddedResult = 'read' | 'truncated' | 'not-gmail' | 'other-account';

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

/** The account index a `w43KIf` entry names, when it names one. */
function statedAccount(data: Record<string, unknown>): number | undefined {
  const entry = Object.hasOwn(data, 'w43KIf') ? data.w43KIf : undefined;
  const path = Array.isArray(entry) ? entry[4] : undefined;
  const match = typeof path === 'string' ? /^\/u\/(\d{1,2})$/.exec(path) : null;
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

export function readEmbedded(text: string, assembly: Assembly, account: number): EmbeddedResult {
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
    const stated = statedAccount(data as Record<string, unknown>);
    if (stated !== undefined && stated !== account) return 'other-account';
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
