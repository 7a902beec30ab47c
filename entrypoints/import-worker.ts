import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createImportWorker, type FromImportWorker, type ToImportWorker } from '@/lib/mail-import/import-worker';

interface WorkerScope {
  postMessage(message: FromImportWorker): void;
  onmessage: ((event: MessageEvent<ToImportWorker>) => void) | null;
}

// Parses mailbox files off the options page's thread (see lib/mail-import/import-worker.ts).
export default defineUnlistedScript(() => {
  const scope = globalThis as unknown as WorkerScope;
  const worker = createImportWorker((message) => scope.postMessage(message));
  scope.onmessage = (event) => worker.receive(event.data);
});
