import type { CDPSession, Page } from 'playwright-core';

// The extension service worker's JS heap through the DevTools protocol.
// Playwright opens protocol sessions on pages only, so this attaches to the
// worker's target from a page's session and speaks to it through
// Target.sendMessageToTarget.

export interface WorkerHeap {
  /** Used JS heap after a full garbage collection, in MB. */
  usedAfterGcMb(): Promise<number>;
  /**
   * Samples the used heap until `work` settles; returns its result and the highest sample. Without
   * `collect`, a sample counts garbage not yet collected too; with it, each sample follows a full
   * collection, so the highest is what the work held alive at once (as often as sampled).
   */
  peakDuring<T>(
    work: Promise<T>,
    options?: { everyMs?: number; collect?: boolean },
  ): Promise<{ result: T; peakMb: number }>;
  /** Any protocol command to the worker. */
  send(method: string, params?: object): Promise<unknown>;
  detach(): Promise<void>;
}

const MB = 1024 * 1024;

export async function attachToWorkerHeap(page: Page, extensionId: string): Promise<WorkerHeap> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as {
    targetInfos: { targetId: string; type: string; url: string }[];
  };
  const worker = targetInfos.find(
    (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`),
  );
  if (!worker) throw new Error('the extension has no running service worker');
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false })) as {
    sessionId: string;
  };
  let nextId = 1;
  const waiting = new Map<number, (result: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (reply.id === undefined) return;
    const resolve = waiting.get(reply.id);
    waiting.delete(reply.id);
    resolve?.(reply.error ? new Error(reply.error.message) : reply.result);
  });
  const send = async (method: string, params: object = {}): Promise<unknown> => {
    const id = nextId++;
    const answer = new Promise<unknown>((resolve) => waiting.set(id, resolve));
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    const result = await answer;
    if (result instanceof Error) throw result;
    return result;
  };
  const used = async () => ((await send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize / MB;
  const round = (mb: number) => Math.round(mb * 10) / 10;
  return {
    async usedAfterGcMb() {
      await send('HeapProfiler.collectGarbage');
      return round(await used());
    },
    async peakDuring(work, { everyMs = 100, collect = false } = {}) {
      const sample = async () => {
        if (collect) await send('HeapProfiler.collectGarbage');
        return used();
      };
      let peak = await sample();
      let done = false;
      const sampling = (async () => {
        while (!done) {
          peak = Math.max(peak, await sample());
          await new Promise((resolve) => setTimeout(resolve, everyMs));
        }
      })();
      const result = await work.finally(() => {
        done = true;
      });
      await sampling;
      return { result, peakMb: round(peak) };
    },
    send,
    async detach() {
      await cdp.detach();
    },
  };
}
