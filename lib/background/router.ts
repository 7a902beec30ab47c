import { z } from 'zod';
import { StorageFullError } from '@/lib/data/storage-problem';
import type { HandlersOf, Sender } from '@/lib/messaging/handlers';
import { type replySchemas, type ToBackground, toBackgroundSchema } from '@/lib/messaging/schemas';

/** One handler for every message any feature defines. */
export type Handlers = HandlersOf<typeof toBackgroundSchema.options, typeof replySchemas>;

export interface Router {
  route(raw: unknown, sender: Sender): Promise<unknown>;
  readonly rejectedCount: number;
}

/**
 * `ui/…` messages change what the user decided (settings, corrections, data),
 * so only the extension's own pages may send them; `content/…` messages report
 * what a page shows, so they come from a content script in a tab. A content
 * script in a hostile page can then at worst report wrong observations.
 */
function senderProblem(type: string, sender: Sender, extensionOrigin: string): string | undefined {
  const fromExtensionPage = sender.url?.startsWith(extensionOrigin) ?? false;
  if (type.startsWith('ui/') && !fromExtensionPage) return `${type} is accepted from Keepwarm's own pages only`;
  if (type.startsWith('content/') && (fromExtensionPage || sender.tab === undefined)) {
    return `${type} is accepted from a content script only`;
  }
  return undefined;
}

/**
 * Parses every incoming message before any handler sees it. A message that does
 * not fit its schema, or comes from the wrong kind of sender, is refused and
 * counted; it never reaches storage.
 */
export function createRouter(handlers: Handlers, extensionOrigin: string): Router {
  let rejectedCount = 0;
  const refuse = (reason: string) => {
    rejectedCount += 1;
    return { refused: reason };
  };
  return {
    get rejectedCount() {
      return rejectedCount;
    },
    async route(raw, sender) {
      const parsed = toBackgroundSchema.safeParse(raw);
      if (!parsed.success) return refuse(z.prettifyError(parsed.error));
      const message = parsed.data;
      const problem = senderProblem(message.type, sender, extensionOrigin);
      if (problem) return refuse(problem);
      const handler = handlers[message.type] as (m: ToBackground, s: Sender) => Promise<unknown>;
      try {
        return await handler(message, sender);
      } catch (error) {
        // Said as a reply of its own, so the page can tell the user what to do rather than show a bare error.
        if (error instanceof StorageFullError) return { storageFull: error.message };
        throw error;
      }
    },
  };
}
