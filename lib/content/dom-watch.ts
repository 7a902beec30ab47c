import type { ContentScriptContext } from '#imports';

/**
 * Resolves with the first element matching `selector`, waiting for it to be
 * inserted if needed (Gmail builds `[role=main]` well after document_idle).
 * Never resolves once the content script is invalidated.
 */
export function waitForElement(ctx: ContentScriptContext, root: ParentNode & Node, selector: string): Promise<Element> {
  const found = root.querySelector(selector);
  if (found) return Promise.resolve(found);
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const element = root.querySelector(selector);
      if (!element) return;
      observer.disconnect();
      resolve(element);
    });
    observer.observe(root, { childList: true, subtree: true });
    ctx.onInvalidated(() => observer.disconnect());
  });
}

/**
 * Calls `onChange` at most once per animation frame however many mutations
 * Gmail makes, so a re-render of a hundred rows costs one pass, not a hundred.
 * Mutations `ignore` accepts (our own badges coming and going) cost no pass.
 */
export function watchSubtree(
  ctx: ContentScriptContext,
  target: Node,
  onChange: () => void,
  ignore: (record: MutationRecord) => boolean = () => false,
): void {
  let scheduled = false;
  const observer = new MutationObserver((records) => {
    if (scheduled || records.every(ignore)) return;
    scheduled = true;
    ctx.requestAnimationFrame(() => {
      scheduled = false;
      if (ctx.isValid) onChange();
    });
  });
  observer.observe(target, { childList: true, subtree: true, attributes: true, characterData: true });
  ctx.onInvalidated(() => observer.disconnect());
}

export interface Batcher<T> {
  add(items: T[]): void;
  flush(): Promise<void>;
}

/** Collects items and sends them together after a quiet period, so a burst of changes is one message. */
export function createBatcher<T>(
  ctx: ContentScriptContext,
  delayMs: number,
  send: (items: T[]) => Promise<void>,
): Batcher<T> {
  let queue: T[] = [];
  let timer: number | undefined;
  const flush = async () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (queue.length === 0) return;
    const items = queue;
    queue = [];
    await send(items);
  };
  return {
    add(items) {
      if (items.length === 0) return;
      queue.push(...items);
      if (timer === undefined) timer = ctx.setTimeout(() => void flush(), delayMs);
    },
    flush,
  };
}
