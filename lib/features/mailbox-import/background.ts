import { engineContext } from '@/lib/background/engine-context';
import type { BackgroundFeature, BackgroundServices } from '@/lib/background/services';
import { storeImportBatch } from '@/lib/background/store-import-batch';
import type { HandlersOf } from '@/lib/messaging/handlers';
import { markedRefs, pendingOf } from '@/lib/store/pending-recompute';
import type { mailboxImportMessages, mailboxImportReplies } from './messages';

// An import's batches touch most clients, so each recompute in between would be
// a full one over everything stored so far, holding up the next batch's write:
// on a slow machine a large import then recomputes again and again. Waiting
// this long after a batch lets the import end first; the page says when it
// ended, and only a page closed mid-import leaves the whole wait.
const IMPORT_RECOMPUTE_DELAY_MS = 10_000;

type MailboxImportHandlers = HandlersOf<typeof mailboxImportMessages, typeof mailboxImportReplies>;

export function mailboxImportFeature(
  { db, storage, reports }: BackgroundServices,
  /** What else follows an import's end: the refit of the account's own model. */
  afterImport: (account: string) => void,
): BackgroundFeature<MailboxImportHandlers> {
  return {
    handlers: {
      'ui/import-batch': async ({ account, messages, moves }) => {
        const { identity } = await engineContext(db, account);
        const { touched, ...stored } = await storage.guard('import', () =>
          storeImportBatch(db, { account, messages, moves }, Date.now(), identity),
        );
        if (touched.size > 0) reports.schedule(account, touched, IMPORT_RECOMPUTE_DELAY_MS);
        return stored;
      },
      'ui/import-ended': async ({ account }) => {
        // From the stored marks, so batches stored before a stopped worker started again count too.
        const refs = markedRefs(await pendingOf(db, account));
        if (refs.size > 0) reports.schedule(account, refs);
        afterImport(account);
        return { scheduled: true as const };
      },
    },
  };
}
