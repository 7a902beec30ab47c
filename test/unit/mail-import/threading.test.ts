import { describe, expect, it } from 'vitest';
import type { ImportedMessage } from '@/lib/mail-import/parse-message';
import { SUBJECT_THREAD_WINDOW_MS } from '@/lib/mail-import/subject-threads';
import { ThreadJoiner } from '@/lib/mail-import/threading';

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

/** Adds every message, then hands all of them out at once. */
function threadAll(messages: ImportedMessage[]): string[] {
  const threads = new ThreadJoiner();
  const nodes = messages.map((m) => threads.add(m));
  const ids = nodes.map((node, i) => threads.threadIdOf(node, messages[i] as ImportedMessage));
  expect(threads.takeMoves()).toEqual([]);
  return ids;
}

describe('ThreadJoiner', () => {
  it('joins reply chains even when the message between them is missing', () => {
    const threads = threadAll([
      message({ at: 1, from: 'a@x', to: ['b@x'], messageId: 'a', subject: 'One' }),
      message({ at: 3, from: 'a@x', to: ['b@x'], messageId: 'c', references: ['a', 'b'], subject: 'Other words' }),
      message({ at: 2, from: 'c@x', to: ['d@x'], messageId: 'd', inReplyTo: ['b'], subject: 'Two' }),
    ]);
    expect(new Set(threads).size).toBe(1);
  });

  it('joins by subject only with shared people and within the window', () => {
    const base = { subject: 'Plan' };
    const threads = threadAll([
      message({ ...base, at: 0, from: 'client@c', to: ['me@m'] }),
      message({ ...base, subject: 'RE: Plan', at: DAY, from: 'me@m', to: ['client@c'] }),
      message({ ...base, subject: 'RE: Plan', at: 2 * DAY, from: 'other@o', to: ['me@m'] }),
      message({ ...base, subject: 'RE: Plan', at: DAY + SUBJECT_THREAD_WINDOW_MS + 1, from: 'client@c', to: ['me@m'] }),
    ]);
    expect(threads[1]).toBe(threads[0]);
    expect(threads[2]).not.toBe(threads[0]);
    expect(threads[3]).not.toBe(threads[0]);
  });

  it('joins by subject whatever order the messages are read in (a Sent folder read after the Inbox)', () => {
    const threads = threadAll([
      message({ subject: 'RE: Plan', at: 5 * DAY, from: 'client@c', to: ['me@m'] }),
      message({ subject: 'Plan', at: 0, from: 'me@m', to: ['client@c'] }),
      message({ subject: 'Plan', at: -SUBJECT_THREAD_WINDOW_MS - 1, from: 'me@m', to: ['client@c'] }),
    ]);
    expect(threads[1]).toBe(threads[0]);
    expect(threads[2]).not.toBe(threads[0]);
  });

  it('keeps a known Gmail thread id and lends it to replies without one', () => {
    const threads = threadAll([
      message({ at: 1, from: 'a@x', to: ['b@x'], messageId: 'g1', gmailThreadId: '123' }),
      message({ at: 2, from: 'b@x', to: ['a@x'], inReplyTo: ['g1'] }),
      message({ at: 3, from: 'b@x', to: ['a@x'], messageId: 'g2', inReplyTo: ['g1'], gmailThreadId: '456' }),
    ]);
    expect(threads).toEqual(['123', '123', '456']);
  });

  it('moves a thread already handed out once a later message shows it is part of an older one', () => {
    const threads = new ThreadJoiner();
    const a = message({ at: 1, from: 'a@x', to: ['b@x'], messageId: 'a', subject: 'Alpha' });
    const b = message({ at: 2, from: 'c@x', to: ['d@x'], messageId: 'b', subject: 'Beta' });
    const linking = message({ at: 3, from: 'b@x', to: ['a@x'], messageId: 'c', references: ['a', 'b'] });
    const first = threads.threadIdOf(threads.add(a), a);
    const second = threads.threadIdOf(threads.add(b), b);
    expect(second).not.toBe(first);
    expect(threads.takeMoves()).toEqual([]);

    const node = threads.add(linking);
    expect(threads.pendingMoves).toBe(1);
    expect(threads.threadIdOf(node, linking)).toBe(first);
    expect(threads.takeMoves()).toEqual([{ from: second, to: first }]);
    expect(threads.takeMoves()).toEqual([]);
  });

  it('moves an imported thread into the Gmail thread it turns out to belong to, never a Gmail thread', () => {
    const threads = new ThreadJoiner();
    const reply = message({ at: 2, from: 'b@x', to: ['a@x'], messageId: 'r', inReplyTo: ['g1'] });
    const gmail = message({ at: 1, from: 'a@x', to: ['b@x'], messageId: 'g1', gmailThreadId: '123' });
    const local = threads.threadIdOf(threads.add(reply), reply);
    expect(local).toMatch(/^t:[0-9a-f]{16}$/);
    expect(threads.threadIdOf(threads.add(gmail), gmail)).toBe('123');
    expect(threads.takeMoves()).toEqual([{ from: local, to: '123' }]);
  });

  it('needs no move when the link arrives before the thread is handed out', () => {
    const threads = new ThreadJoiner();
    const a = message({ at: 1, from: 'a@x', to: ['b@x'], messageId: 'a' });
    const b = message({ at: 2, from: 'c@x', to: ['d@x'], messageId: 'b' });
    const linking = message({ at: 3, from: 'b@x', to: ['a@x'], messageId: 'c', references: ['a', 'b'] });
    const nodes = [a, b, linking].map((m) => threads.add(m));
    const ids = nodes.map((node, i) => threads.threadIdOf(node, [a, b, linking][i] as ImportedMessage));
    expect(new Set(ids).size).toBe(1);
    expect(threads.takeMoves()).toEqual([]);
  });
});
