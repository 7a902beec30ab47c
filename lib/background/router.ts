import { z } from 'zod';
import { type ReplyTo, type ToBackground, toBackgroundSchema } from '@/lib/messaging/schemas';

export type Handlers = {
  [T in ToBackground['type']]: (message: Extract<ToBackground, { type: T }>) => Promise<ReplyTo<T>>;
};

export interface Router {
  route(raw: unknown): Promise<unknown>;
  readonly rejectedCount: number;
}

/**
 * Parses every incoming message before any handler sees it. A message that does
 * not fit its schema is refused and counted; it never reaches storage.
 */
export function createRouter(handlers: Handlers): Router {
  let rejectedCount = 0;
  return {
    get rejectedCount() {
      return rejectedCount;
    },
    async route(raw) {
      const parsed = toBackgroundSchema.safeParse(raw);
      if (!parsed.success) {
        rejectedCount += 1;
        return { refused: z.prettifyError(parsed.error) };
      }
      const message = parsed.data;
      const handler = handlers[message.type] as (m: ToBackground) => Promise<unknown>;
      return handler(message);
    },
  };
}
