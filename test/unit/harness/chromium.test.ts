import { describe, expect, it } from 'vitest';
import { findChromium } from '../../e2e/chromium';

describe('findChromium', () => {
  it('names the install command when Chromium is missing', () => {
    expect(() => findChromium({ CHROME_PATH: '/nonexistent/chromium' })).toThrow(
      /apt-get install -y --no-install-recommends chromium/,
    );
  });

  it('honours CHROME_PATH', () => {
    expect(findChromium({ CHROME_PATH: process.execPath })).toBe(process.execPath);
  });
});
