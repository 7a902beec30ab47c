// Reply and forward prefixes as mail clients write them in English, German,
// Scandinavian, Ukrainian and Russian, optionally counted ("Re[2]:", "RE(3):").
const PREFIX = /^(re|fwd?|fw|aw|wg|sv|vs|antw|отв|ответ|відп|пер|переслано)\s*(\[\d+\]|\(\d+\))?\s*:\s*/i;
// Tags that systems add in front of a subject: "[EXTERNAL]", "[ticket #123]".
const TAG = /^\[[^\]]*\]\s*/;

/**
 * The subject with reply/forward prefixes, leading bracket tags, case and
 * whitespace differences removed: what a reply and its original share.
 */
export function normalizeSubject(subject: string): string {
  let rest = subject.replace(/\s+/g, ' ').trim().toLowerCase();
  for (;;) {
    const stripped = rest.replace(PREFIX, '').replace(TAG, '');
    if (stripped === rest) return rest;
    rest = stripped;
  }
}
