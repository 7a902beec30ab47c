// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportSection } from '@/components/import-section';
import { createTranslator } from '@/lib/i18n/translate';
import { TranslatorContext } from '@/lib/ui/use-translator';

// The import's "your address" field is prefilled from the accounts Keepwarm
// knows, which arrive after the first paint: the prefill must never land in
// the middle of what the user is typing.

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true });

let root: Root;
let host: HTMLElement;

async function render(knownAddresses: string[]) {
  await act(async () => {
    root.render(
      createElement(
        TranslatorContext,
        { value: createTranslator('en') },
        createElement(ImportSection, { knownAddresses, onStart: () => undefined, onCancel: () => undefined }),
      ),
    );
  });
}

const meInput = () => host.querySelector<HTMLInputElement>('[data-testid="import-me"]') as HTMLInputElement;

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

describe('the import’s own address', () => {
  it('is prefilled with the first known account once the accounts arrive', async () => {
    await render([]);
    expect(meInput().value).toBe('');
    await render(['me@example.com', 'other@example.com']);
    expect(meInput().value).toBe('me@example.com');
  });

  it('is left to the user once they are in the field, even if the accounts arrive later', async () => {
    await render([]);
    await act(async () => meInput().focus());
    await render(['me@example.com']);
    expect(meInput().value).toBe('');
  });

  it('is left as the user cleared it', async () => {
    await render(['me@example.com']);
    await act(async () => {
      const input = meInput();
      input.focus();
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, '');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await render(['me@example.com', 'other@example.com']);
    expect(meInput().value).toBe('');
  });
});
