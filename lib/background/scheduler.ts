/**
 * Runs `task` for each key once after a quiet period, however many times it
 * was asked for meanwhile, with everything the asks touched: a burst of Gmail
 * observations costs one recompute of the clients it concerned. An ask may
 * wait longer than `delayMs`; the latest ask sets the wait.
 */
export function createKeyedDebouncer(delayMs: number, task: (key: string, touched: Set<string>) => Promise<void>) {
  const pending = new Map<string, { timer: ReturnType<typeof setTimeout>; touched: Set<string> }>();
  return {
    schedule(key: string, touched: Iterable<string> = [], quietMs = delayMs): void {
      const entry = pending.get(key);
      if (entry) clearTimeout(entry.timer);
      const all = new Set([...(entry?.touched ?? []), ...touched]);
      const timer = setTimeout(() => {
        pending.delete(key);
        task(key, all).catch((error: unknown) => console.error('Keepwarm: recompute failed', error));
      }, quietMs);
      pending.set(key, { timer, touched: all });
    },
  };
}
