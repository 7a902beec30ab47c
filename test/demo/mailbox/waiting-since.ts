import type { DemoAccount, DemoMessage } from './types';

/**
 * Since when a client of the demo waits on the account, by the engine's rule
 * (lib/engine/waiting.ts): the oldest message still unanswered in its thread,
 * among the threads after which the account wrote to the client nowhere else.
 * The demo is generated relative to the current time, so which of a client's
 * messages that is depends on the hour: tests read it here, never assume it.
 */
export function waitingSince(account: DemoAccount, clientKey: string): number | undefined {
  const threads = account.threads
    .filter((t) => t.clientKey === clientKey)
    .map((t) => [...t.messages].sort((a, b) => a.at - b.at));
  const lastOut = (messages: readonly DemoMessage[]) =>
    Math.max(Number.NEGATIVE_INFINITY, ...messages.filter((m) => m.direction === 'out').map((m) => m.at));
  const everLastOut = lastOut(threads.flat());
  const unanswered = threads
    .map((messages) => messages.find((m) => m.direction === 'in' && m.at > lastOut(messages))?.at)
    .filter((at): at is number => at !== undefined && at > everLastOut);
  return unanswered.length > 0 ? Math.min(...unanswered) : undefined;
}
