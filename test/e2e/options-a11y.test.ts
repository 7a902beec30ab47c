import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './chromium';

// The options page for keyboard and screen reader users: every control named,
// reached by Tab with a visible focus ring, and every text at WCAG AA contrast
// in the light and the dark scheme.

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension({ hosts: {} });
});

afterAll(async () => {
  await browser?.close();
});

async function openOptions(): Promise<Page> {
  const page = await browser.openExtensionPage('options.html');
  await page.waitForSelector('#settings form');
  return page;
}

/** Controls a user can operate now: enabled, and not inside a closed dialog. */
const CONTROLS = 'a[href], input:not([disabled]), select:not([disabled]), textarea, button:not([disabled])';

describe('options page accessibility', () => {
  it('names every control and ties every description to an element that exists', async () => {
    const page = await openOptions();
    const problems = await page.evaluate((selector) => {
      const found: string[] = [];
      for (const element of document.querySelectorAll<HTMLElement>(selector)) {
        if (element.closest('dialog:not([open])')) continue;
        const labelled =
          ((element as HTMLInputElement).labels?.length ?? 0) > 0 ||
          element.getAttribute('aria-label') ||
          element.textContent?.trim();
        if (!labelled) found.push(`unnamed ${element.outerHTML.slice(0, 80)}`);
        for (const id of (element.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean)) {
          if (!document.getElementById(id)) found.push(`missing description ${id}`);
        }
      }
      return found;
    }, CONTROLS);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reaches every control with Tab and shows a focus ring on each', async () => {
    const page = await openOptions();
    const controls = await page.evaluate(
      (selector) =>
        [...document.querySelectorAll<HTMLElement>(selector)].filter((e) => !e.closest('dialog:not([open])')).length,
      CONTROLS,
    );
    const reached = new Set<string>();
    const withoutRing: string[] = [];
    // A time field takes a Tab per part (hours, minutes, AM/PM): go round more than once.
    for (let i = 0; i < controls * 3; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) return undefined;
        const style = getComputedStyle(element);
        const index = [...document.querySelectorAll('*')].indexOf(element);
        return {
          key: `${element.tagName}#${index}`,
          ring: style.outlineStyle !== 'none' && style.outlineWidth !== '0px',
        };
      });
      if (!focus) continue;
      reached.add(focus.key);
      if (!focus.ring) withoutRing.push(focus.key);
    }
    expect(reached.size).toBe(controls);
    expect(withoutRing).toEqual([]);
    await page.close();
  });

  it.each(['light', 'dark'] as const)('keeps every text at 4.5:1 contrast or more in the %s scheme', async (scheme) => {
    const page = await openOptions();
    await page.emulateMedia({ colorScheme: scheme });
    // Errors and the saved message show only after a save: make them appear too.
    await page.getByLabel('Ignored domains').fill('not a domain');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.waitForSelector('.kw-error');
    const low = await page.evaluate(() => {
      const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
      const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
        const channel = (c: number) => {
          const s = c / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
      };
      const canvas = matchMedia('(prefers-color-scheme: dark)').matches ? [18, 18, 18] : [255, 255, 255];
      const background = (element: Element | null): number[] => {
        for (let e = element; e; e = e.parentElement) {
          const [r, g, b, a = 1] = rgb(getComputedStyle(e).backgroundColor);
          if (a > 0.5) return [r ?? 0, g ?? 0, b ?? 0];
        }
        return canvas;
      };
      const found: string[] = [];
      for (const element of document.querySelectorAll<HTMLElement>('body *')) {
        const ownText = [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
        if (!ownText || element.closest('dialog:not([open]), [disabled], option') || !element.offsetParent) continue;
        const fg = luminance(rgb(getComputedStyle(element).color));
        const bg = luminance(background(element));
        const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
        if (ratio < 4.5) found.push(`${ratio.toFixed(2)} ${element.tagName} ${element.textContent?.slice(0, 40)}`);
      }
      return found;
    });
    expect(low).toEqual([]);
    await page.close();
  });
});
