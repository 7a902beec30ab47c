import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createKeyedDebouncer } from '@/lib/background/scheduler';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the recompute debouncer', () => {
  it('runs once per key after the quiet period, with everything the asks touched', async () => {
    const runs: [string, string[]][] = [];
    const debouncer = createKeyedDebouncer(1500, async (key, touched) => {
      runs.push([key, [...touched].sort()]);
    });
    debouncer.schedule('a', ['a|x']);
    await vi.advanceTimersByTimeAsync(1000);
    debouncer.schedule('a', ['a|y']);
    debouncer.schedule('b', ['b|z']);
    await vi.advanceTimersByTimeAsync(1499);
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toEqual([
      ['a', ['a|x', 'a|y']],
      ['b', ['b|z']],
    ]);
  });

  it('waits longer when an ask says so (an import between two batches), and the latest ask sets the wait', async () => {
    const runs: string[][] = [];
    const debouncer = createKeyedDebouncer(1500, async (_, touched) => {
      runs.push([...touched]);
    });
    debouncer.schedule('a', ['a|1'], 10_000);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(runs).toEqual([]);
    debouncer.schedule('a', ['a|2'], 10_000);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(runs).toEqual([]);
    debouncer.schedule('a', ['a|3']);
    await vi.advanceTimersByTimeAsync(1500);
    expect(runs).toEqual([['a|1', 'a|2', 'a|3']]);
  });
});
