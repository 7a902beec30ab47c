import type { z } from 'zod';

/** Who sent a message, as the browser reports it (runtime.MessageSender). */
export interface Sender {
  url?: string;
  /** A content script's tab. */
  tab?: { id?: number; url?: string };
}

type MessageOf<S extends readonly z.ZodType[]> = z.infer<S[number]> & { type: string };

/**
 * A feature's handlers, one for each of its messages and answering with that
 * message's reply: a message without a handler, or a handler answering
 * something else, fails the build.
 */
export type HandlersOf<S extends readonly z.ZodType[], R extends { [T in MessageOf<S>['type']]: z.ZodType }> = {
  [T in MessageOf<S>['type']]: (message: Extract<MessageOf<S>, { type: T }>, sender: Sender) => Promise<z.infer<R[T]>>;
};
