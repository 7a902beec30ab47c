import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { z } from 'zod';

/**
 * One value the background keeps in the extension's `storage.local`, followed
 * live: undefined while absent or not of the expected shape.
 */
export function useExtensionStorage<S extends z.ZodType>(key: string, schema: S): z.output<S> | undefined {
  const [value, setValue] = useState<z.output<S>>();
  useEffect(() => {
    let live = true;
    const take = (raw: unknown) => {
      const parsed = schema.safeParse(raw);
      if (live) setValue(parsed.success ? parsed.data : undefined);
    };
    browser.storage.local
      .get(key)
      .then((stored) => take(stored[key]))
      .catch(() => take(undefined));
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && key in changes) take(changes[key]?.newValue);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [key, schema]);
  return value;
}
