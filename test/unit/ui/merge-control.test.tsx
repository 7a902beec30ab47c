// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { ClientSettings } from '@/components/client-settings';
import type { ClientReport } from '@/lib/engine/report-types';
import { createTranslator } from '@/lib/i18n/translate';
import type { OverridePatch } from '@/lib/ui/client-action-types';
import type { MergeTargets } from '@/lib/ui/merge-targets';
import { TranslatorContext } from '@/lib/ui/use-translator';
import { storedClients } from './demo-clients';

// The merge control of the side panel, driven as the user drives it: the
// account's clients are read only once the user starts a merge, suggested as
// they type, and any client of the account can be merged into.

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true });

const report = storedClients[0]?.report as ClientReport;
const KEYS = Array.from({ length: 5000 }, (_, i) => `client-${i}.com`);

let root: Root;
let host: HTMLElement;
let targets: { keys: Mock<MergeTargets['keys']>; has: Mock<MergeTargets['has']> };
let correct: Mock<(patch: OverridePatch) => Promise<void>>;

async function render() {
  await act(async () => {
    root.render(
      createElement(
        TranslatorContext,
        { value: createTranslator('en') },
        createElement(ClientSettings, {
          report,
          split: false,
          mergeTargets: targets,
          actions: { correct, splitAddress: async () => undefined },
        }),
      ),
    );
  });
}

const mergeInput = () => {
  const label = [...host.querySelectorAll('label')].find((l) => l.textContent?.startsWith('Merge into client'));
  const input = label?.querySelector('input');
  if (!input) throw new Error('no merge input');
  return input;
};
const suggestions = () =>
  [...host.querySelectorAll('[data-testid="merge-suggestions"] option')].map((o) => o.getAttribute('value'));
const status = () => host.querySelector('[role="status"]')?.textContent;

async function type(text: string) {
  const input = mergeInput();
  await act(async () => {
    input.focus();
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    setValue?.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function submitMerge() {
  const form = mergeInput().closest('form');
  await act(async () => {
    form?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  // The store's answer, then the correction's.
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  targets = { keys: vi.fn(async () => KEYS), has: vi.fn(async (key: string) => KEYS.includes(key)) };
  correct = vi.fn(async () => undefined);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

describe('merging a client into another', () => {
  it('reads the account’s clients only once the user starts a merge, and only once', async () => {
    await render();
    expect(targets.keys).not.toHaveBeenCalled();
    expect(suggestions()).toEqual([]);
    await type('client-42');
    await type('client-421');
    expect(targets.keys).toHaveBeenCalledTimes(1);
    expect(suggestions()).toEqual(['client-421.com', ...Array.from({ length: 10 }, (_, i) => `client-421${i}.com`)]);
  });

  it('merges into any client of the account, however far down the list', async () => {
    await render();
    await type(' Client-4999.COM ');
    await submitMerge();
    expect(targets.has).toHaveBeenCalledWith('client-4999.com');
    expect(correct).toHaveBeenCalledWith({ mergeInto: 'client-4999.com' });
    expect(status()).toBe('Saved.');
  });

  it('says so, and merges nothing, when no such client exists or the clients cannot be read', async () => {
    await render();
    await type('nobody.example');
    await submitMerge();
    expect(correct).not.toHaveBeenCalled();
    expect(status()).toBe('No client “nobody.example” in this account.');

    targets.has.mockRejectedValueOnce(new Error('disk gone'));
    await type('client-1.com');
    await submitMerge();
    expect(correct).not.toHaveBeenCalled();
    expect(status()).toBe('Could not read the clients to merge into: Error: disk gone');
  });

  it('says so when the suggestions cannot be read, and tries again on the next keystroke', async () => {
    targets.keys.mockRejectedValueOnce(new Error('disk gone'));
    await render();
    await type('client-7');
    expect(status()).toBe('Could not read the clients to merge into: Error: disk gone');
    expect(suggestions()).toEqual([]);
    await type('client-77');
    expect(targets.keys).toHaveBeenCalledTimes(2);
    expect(suggestions()[0]).toBe('client-77.com');
  });
});
