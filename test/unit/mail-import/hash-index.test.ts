import { describe, expect, it } from 'vitest';
import type { MailMessage } from '@/lib/engine/types';
import { HashIndex } from '@/lib/mail-import/hash-index';
import { applyThreadMoves } from '@/lib/mail-import/thread-moves';

describe('HashIndex', () => {
  it('keeps every key through growth, tells keys apart by both halves and holds no negative value', () => {
    const index = new HashIndex(16);
    for (let i = 0; i < 50_000; i++) index.set(i % 7, Math.imul(i, 2654435761) >>> 0, i);
    expect(index.size).toBe(50_000);
    for (let i = 0; i < 50_000; i += 997) expect(index.get(i % 7, Math.imul(i, 2654435761) >>> 0)).toBe(i);
    expect(index.get(8, 1)).toBe(-1);
    index.set(0, 0, 5);
    index.set(0, 0, 6);
    expect(index.get(0, 0)).toBe(6);
    expect(() => index.set(1, 1, -1)).toThrow(RangeError);
  });
});

describe('applyThreadMoves', () => {
  const message = (id: string, threadId: string): MailMessage => ({
    id,
    threadId,
    at: 0,
    from: { email: 'a@x' },
    to: [],
    cc: [],
    subject: '',
    snippet: '',
  });

  it('follows chains of moves and leaves other threads alone', () => {
    const moved = applyThreadMoves(
      [message('1', 't:a'), message('2', 't:b'), message('3', 't:c'), message('4', '123')],
      [
        { from: 't:a', to: 't:b' },
        { from: 't:b', to: '123' },
      ],
    );
    expect(moved.map((m) => m.threadId)).toEqual(['123', '123', 't:c', '123']);
  });
});
