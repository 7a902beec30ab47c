import { describe, expect, it } from 'vitest';
import type { ImportedMessage } from '@/lib/mail-import/parse-message';
import { assignThreads, SUBJECT_THREAD_WINDOW_MS } from '@/lib/mail-import/threading';

const DAY = 86_400_000;

type Sketch = Partial<Omit<ImportedMessage, 'from' | 'to'>> & { at: number; from: string; to: string[] };

function message(partial: Sketch): ImportedMessage {
  return {
    inReplyTo: [],
    references: [],
    cc: [],
    subject: '',
    snippet: '',
    labels: [],
    dedupeKey: `k${partial.at}${partial.from}`,
    ...partial,
    from: { email: partial.from },
    to: partial.to.map((email) => ({ email })),
  };
}

describe('assignThreads', () => {
  it('joins reply chains even when the message between them is missing', () => {
    const threads = assignThreads([
      message({ at: 1, from: 'a@x', to: ['b@x'], messageId: 'a', subject: 'One' }),
      message({ at: 3, from: 'a@x', to: ['b@x'], messageId: 'c', references: ['a', 'b'], subject: 'Other words' }),
      message({ at: 2, from: 'c@x', to: ['d@x'], messageId: 'd', inReplyTo: ['b'], subject: 'Two' }),
    ]);
    expect(new Set(threads).size).toBe(1);
  });

  it('joins by subject only with shared people and within the window', () => {
    const base = { subject: 'Plan' };
    const threads = assignThreads([
      message({ ...base, at: 0, from: 'client@c', to: ['me@m'] }),
      message({ ...base, subject: 'RE: Plan', at: DAY, from: 'me@m', to: ['client@c'] }),
      message({ ...base, subject: 'RE: Plan', at: 2 * DAY, from: 'other@o', to: ['me@m'] }),
      message({ ...base, subject: 'RE: Plan', at: DAY + SUBJECT_THREAD_WINDOW_MS + 1, from: 'client@c', to: ['me@m'] }),
    ]);
    expect(threads[1]).toBe(threads[0]);
    expect(threads[2]).not.toBe(threads[0]);
    expect(threads[3]).not.toBe(threads[0]);
  });

  it('keeps a known Gmail thread id and lends it to replies from other sources', () => {
    const threads = assignThreads(
      [
        message({ at: 1, from: 'a@x', to: ['b@x'], messageId: 'g1', gmailThreadId: '123' }),
        message({ at: 2, from: 'b@x', to: ['a@x'], inReplyTo: ['elsewhere'] }),
      ],
      new Map([['elsewhere', '456']]),
    );
    expect(threads).toEqual(['123', '456']);
  });
});
