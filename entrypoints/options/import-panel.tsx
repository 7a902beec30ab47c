import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { ImportSection } from '@/components/import-section';
import type { ImportState } from '@/lib/features/mailbox-import/import-progress';
import { type ImportRun, startMailboxImport, type WorkerPort } from '@/lib/features/mailbox-import/import-run';
import type { PickedFile } from '@/lib/mail-import/import-worker';
import { sendToBackground } from '@/lib/messaging/send';
import type { StatusState } from '@/lib/ui/status-state';

/** The import worker, an unlisted script of the extension, run as a classic worker off the page's thread. */
function createWorker(): WorkerPort {
  return new Worker(browser.runtime.getURL('/import-worker.js')) as unknown as WorkerPort;
}

/** The options page's import: the section wired to the worker and the background. */
export function ImportPanel({ status }: { status: StatusState }) {
  const [state, setState] = useState<ImportState>();
  const run = useRef<ImportRun>(undefined);
  const knownAddresses =
    status.kind === 'ready' ? status.status.accounts.flatMap((a) => (a.address ? [a.address] : [])) : [];

  useEffect(() => () => run.current?.cancel(), []);

  const start = useCallback((files: PickedFile[], fromFolder: boolean, me: string) => {
    run.current = startMailboxImport({
      files,
      fromFolder,
      account: me,
      worker: createWorker(),
      sendBatch: (account, messages, moves) => sendToBackground({ type: 'ui/import-batch', account, messages, moves }),
      sendEnded: (account) => sendToBackground({ type: 'ui/import-ended', account }),
      onState: setState,
    });
  }, []);

  return (
    <ImportSection
      knownAddresses={knownAddresses}
      state={state}
      onStart={start}
      onCancel={() => run.current?.cancel()}
    />
  );
}
