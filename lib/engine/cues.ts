// Finds complaint, cancellation, price and competitor cues in the subjects and
// snippets of a client's messages, and weighs them by age.
import { DAY } from './business-hours';
import { CUE_LEXICON, type CueKind, NEGATORS } from './cue-lexicon';

/** A cue loses half its weight every 14 days: a complaint from last week matters, one from last quarter barely. */
export const CUE_HALF_LIFE_DAYS = 14;
/** Older hits weigh under 5% and are dropped. */
const MIN_WEIGHT = 0.05;
/** How many words before a negatable cue a negator may stand ("we have no real complaints"). */
const NEGATION_WINDOW = 3;

export interface CueHit {
  kind: CueKind;
  /** The matched words as written in the message. */
  phrase: string;
  field: 'subject' | 'snippet';
  messageId: string;
  threadId: string;
  at: number;
  /** 1 for a cue written now, halving every CUE_HALF_LIFE_DAYS. */
  weight: number;
}

interface Slot {
  alternatives: Array<{ text: string; exact: boolean }>;
  /** Words allowed between the previous slot and this one. */
  gapBefore: number;
}

interface CompiledEntry {
  kind: CueKind;
  slots: Slot[];
  negatable: boolean;
}

interface Token {
  word: string;
  start: number;
  end: number;
}

function compile(pattern: string): Slot[] {
  const slots: Slot[] = [];
  let gap = 0;
  for (const part of pattern.split(/\s+/)) {
    const wide = /^~(\d+)$/.exec(part);
    if (wide) {
      gap = Number(wide[1]);
      continue;
    }
    const alternatives = part
      .split('|')
      .map((alt) => ({ text: normalize(alt.replace(/\$$/, '')), exact: alt.endsWith('$') }));
    slots.push({ alternatives, gapBefore: gap });
    gap = 0;
  }
  return slots;
}

/** Case, ё/е and apostrophe variants fold together so one stem covers them. */
function normalize(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е').replace(/[’ʼ`]/g, "'");
}

const matchesSlot = (slot: Slot, word: string) =>
  slot.alternatives.some((alt) => (alt.exact ? word === alt.text : word.startsWith(alt.text)));

// Entries are indexed by the first two letters of their first slot, so a
// message is checked only against entries that could start at each word.
const INDEX = new Map<string, CompiledEntry[]>();
for (const entry of CUE_LEXICON) {
  const compiled: CompiledEntry = {
    kind: entry.kind,
    slots: compile(entry.pattern),
    negatable: entry.negatable ?? false,
  };
  const keys = new Set(compiled.slots[0]?.alternatives.map((alt) => alt.text.slice(0, 2)) ?? []);
  for (const key of keys) INDEX.set(key, [...(INDEX.get(key) ?? []), compiled]);
}
const NEGATOR_WORDS = new Set(NEGATORS.filter((n) => !n.endsWith('*')));
const NEGATOR_STEMS = NEGATORS.filter((n) => n.endsWith('*')).map((n) => n.slice(0, -1));
const isNegator = (word: string) => NEGATOR_WORDS.has(word) || NEGATOR_STEMS.some((stem) => word.startsWith(stem));

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;

function tokenize(text: string): Token[] {
  return Array.from(normalize(text).matchAll(WORD), (m) => ({
    word: m[0],
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
}

/** Index of the last token of the match starting at `first`, or -1. */
function matchFrom(tokens: Token[], first: number, slots: Slot[]): number {
  let position = first;
  for (let s = 1; s < slots.length; s++) {
    const slot = slots[s] as Slot;
    let found = -1;
    for (let next = position + 1; next <= position + 1 + slot.gapBefore && next < tokens.length; next++) {
      if (matchesSlot(slot, (tokens[next] as Token).word)) {
        found = next;
        break;
      }
    }
    if (found < 0) return -1;
    position = found;
  }
  return position;
}

export interface CueMatch {
  kind: CueKind;
  phrase: string;
}

/**
 * All cues in one text. A match inside a longer match of the same kind is
 * dropped ("too expensive" is one price cue, not two), and each kind is
 * reported once per distinct phrase.
 */
export function findCues(text: string): CueMatch[] {
  const tokens = tokenize(text);
  const spans: Array<{ kind: CueKind; first: number; last: number }> = [];
  tokens.forEach((token, i) => {
    for (const entry of INDEX.get(token.word.slice(0, 2)) ?? []) {
      if (!matchesSlot(entry.slots[0] as Slot, token.word)) continue;
      const last = matchFrom(tokens, i, entry.slots);
      if (last < 0) continue;
      if (entry.negatable && tokens.slice(Math.max(0, i - NEGATION_WINDOW), i).some((t) => isNegator(t.word))) continue;
      spans.push({ kind: entry.kind, first: i, last });
    }
  });
  const matches: CueMatch[] = [];
  const seen = new Set<string>();
  for (const span of spans) {
    const inside = spans.some(
      (other) =>
        other !== span &&
        other.kind === span.kind &&
        other.first <= span.first &&
        other.last >= span.last &&
        other.last - other.first > span.last - span.first,
    );
    if (inside) continue;
    const phrase = text.slice((tokens[span.first] as Token).start, (tokens[span.last] as Token).end);
    const key = `${span.kind}|${phrase.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    matches.push({ kind: span.kind, phrase });
  }
  return matches;
}

export interface CueSource {
  id: string;
  threadId: string;
  at: number;
  subject: string;
  snippet: string;
}

const cueWeight = (at: number, now: number) => 0.5 ** ((now - at) / DAY / CUE_HALF_LIFE_DAYS);

/** Whether a message of this time is read for cues at `now`: an older one would weigh too little to count. */
export function mayHoldCues(at: number, now: number): boolean {
  return at <= now && cueWeight(at, now) >= MIN_WEIGHT;
}

/**
 * Cues in the given (inbound) messages, weighted by age at `now`. A subject
 * repeated down a thread ("Re: Complaint about …") counts once per thread, at
 * its first appearance.
 */
export function detectCues(messages: readonly CueSource[], now: number): CueHit[] {
  const hits: CueHit[] = [];
  const subjectSeen = new Set<string>();
  for (const m of messages) {
    if (!mayHoldCues(m.at, now)) continue;
    const weight = cueWeight(m.at, now);
    const base = { messageId: m.id, threadId: m.threadId, at: m.at, weight };
    for (const cue of findCues(m.subject)) {
      const key = `${m.threadId}|${cue.kind}|${cue.phrase.toLowerCase()}`;
      if (subjectSeen.has(key)) continue;
      subjectSeen.add(key);
      hits.push({ ...cue, field: 'subject', ...base });
    }
    for (const cue of findCues(m.snippet)) hits.push({ ...cue, field: 'snippet', ...base });
  }
  return hits;
}
