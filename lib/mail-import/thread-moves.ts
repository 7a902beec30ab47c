import type { MailMessage } from '@/lib/engine/types';
import type { ThreadMove } from './thread-forest';

/**
 * Where each thread id ends up after the moves, for a consumer that keeps the
 * imported messages in memory (the command line) rather than in a store.
 * A losing thread id is never handed out again, so the moves form chains, not cycles.
 */
export function applyThreadMoves(messages: MailMessage[], moves: readonly ThreadMove[]): MailMessage[] {
  if (moves.length === 0) return messages;
  const movedTo = new Map(moves.map((move) => [move.from, move.to]));
  const finalOf = (threadId: string): string => {
    let at = threadId;
    for (let next = movedTo.get(at); next !== undefined; next = movedTo.get(at)) at = next;
    return at;
  };
  return messages.map((message) =>
    movedTo.has(message.threadId) ? { ...message, threadId: finalOf(message.threadId) } : message,
  );
}
