import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { WorkerPort } from '@/lib/features/mailbox-import/import-run';
import { createImportWorker, type FromImportWorker, type PickedFile } from '@/lib/mail-import/import-worker';

/** The worker's logic behind a port, as the page sees a real Worker; messages are delivered asynchronously. */
export function inProcessWorker(onPost?: (message: FromImportWorker) => void): WorkerPort & { terminated: boolean } {
  const port: WorkerPort & { terminated: boolean } = {
    onmessage: null,
    terminated: false,
    postMessage: (message) => setTimeout(() => logic.receive(message)),
    terminate: () => {
      port.terminated = true;
    },
  };
  const logic = createImportWorker((message) => {
    onPost?.(message);
    setTimeout(() => port.onmessage?.({ data: message }));
  });
  return port;
}

/** Files under `root` as a folder picker gives them: paths relative to the picked folder's parent. */
export function pickFolder(root: string): PickedFile[] {
  const out: PickedFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else
        out.push({
          path: path.relative(path.dirname(root), full).split(path.sep).join('/'),
          file: new Blob([readFileSync(full)]),
        });
    }
  };
  walk(root);
  // A picker lists files in no promised order.
  return out.reverse();
}

export function pickFile(file: string): PickedFile {
  return { path: path.basename(file), file: new Blob([readFileSync(file)]) };
}
