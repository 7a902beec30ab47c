/**
 * Runs `task` for each key once after a quiet period, however many times it
 * was asked for meanwhile: a burst of Gmail observations costs one recompute.
 */
export function createKeyedDebouncer(delayMs: number, task: (key: string) => Promise<void>) {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  return {
    schedule(key: string): void {
      const pending = timers.get(key);
      if (pending) clearTimeout(pending);
      timers.set(
        key,
        setTimeout(() => {
          timers.delete(key);
          task(key).catch((error: unknown) => console.error('Keepwarm: recompute failed', error));
        }, delayMs),
      );
    },
  };
}
