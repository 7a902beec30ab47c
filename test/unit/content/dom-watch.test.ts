// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isBadgeMutation } from '@/lib/content/badge-pill';
import { createBatcher, waitForElement, watchSubtree } from '@/lib/content/dom-watch';

const nextFrame = () => new Promise((resolve) => setTimeout(resolve, 40));

describe('content script DOM watching', () => {
  it('waits for an element that appears later', async () => {
    const ctx = new ContentScriptContext('test');
    document.body.innerHTML = '';
    const waiting = waitForElement(ctx, document, '[role=main]');
    const main = document.createElement('div');
    main.setAttribute('role', 'main');
    document.body.append(main);
    await expect(waiting).resolves.toBe(main);
  });

  it('coalesces a burst of mutations into one call and stops after invalidation', async () => {
    const ctx = new ContentScriptContext('test');
    document.body.innerHTML = '<table><tbody></tbody></table>';
    const tbody = document.querySelector('tbody') as HTMLElement;
    const onChange = vi.fn();
    watchSubtree(ctx, tbody, onChange);
    for (let i = 0; i < 100; i++) tbody.append(document.createElement('tr'));
    await nextFrame();
    expect(onChange).toHaveBeenCalledTimes(1);
    ctx.abort();
    tbody.append(document.createElement('tr'));
    await nextFrame();
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('makes no pass for our own badges coming, going and changing', async () => {
    const ctx = new ContentScriptContext('test');
    document.body.innerHTML = '<table><tbody><tr><td><div class="xT"></div></td></tr></tbody></table>';
    const slot = document.querySelector('.xT') as HTMLElement;
    const onChange = vi.fn();
    watchSubtree(ctx, document.body, onChange, isBadgeMutation);
    const badge = document.createElement('keepwarm-badge');
    slot.prepend(badge);
    badge.setAttribute('data-level', 'high');
    badge.remove();
    await nextFrame();
    expect(onChange).not.toHaveBeenCalled();
    slot.append(document.createElement('span'));
    await nextFrame();
    expect(onChange).toHaveBeenCalledTimes(1);
    ctx.abort();
  });

  it('sends queued items together after the quiet period', async () => {
    const ctx = new ContentScriptContext('test');
    const send = vi.fn(async (_items: number[]) => {});
    const batcher = createBatcher(ctx, 10, send);
    batcher.add([1, 2]);
    batcher.add([3]);
    batcher.add([]);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith([1, 2, 3]);
    await batcher.flush();
    expect(send).toHaveBeenCalledTimes(1);
  });
});
