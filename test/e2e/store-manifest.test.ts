import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// What a store and the browser show before anything runs: both builds carry the
// icons at the sizes they name, the toolbar button its own, and their texts in
// every manifest locale.

const OUTPUT = path.resolve(import.meta.dirname, '../../.output');
const SIZES = ['16', '32', '48', '128'];

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1'), file).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe.each(['chrome-mv3', 'firefox-mv3'])('the built %s', (build) => {
  const dir = path.join(OUTPUT, build);
  const manifest = existsSync(path.join(dir, 'manifest.json'))
    ? (JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>)
    : undefined;

  it('has been built', () => expect(manifest, `run "npm run build" first`).toBeDefined());

  it('names icons of 16, 32, 48 and 128 pixels, for itself and its toolbar button', () => {
    const icons = manifest?.icons as Record<string, string>;
    const action = manifest?.action as { default_icon: Record<string, string> };
    expect(Object.keys(icons).sort()).toEqual([...SIZES].sort());
    expect(action.default_icon).toEqual(icons);
    for (const size of SIZES) {
      expect(pngSize(path.join(dir, icons[size] ?? '')), `${size} px`).toEqual([Number(size), Number(size)]);
    }
  });

  it('takes its name, description and titles from _locales in English, Ukrainian and Russian', () => {
    expect(manifest?.default_locale).toBe('en');
    const used = [...JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)].map((m) => m[1] ?? '');
    expect(used).toEqual(expect.arrayContaining(['extName', 'extDescription', 'actionTitle']));
    const english = JSON.parse(readFileSync(path.join(dir, '_locales/en/messages.json'), 'utf8'));
    for (const locale of ['en', 'uk', 'ru']) {
      const messages = JSON.parse(readFileSync(path.join(dir, `_locales/${locale}/messages.json`), 'utf8'));
      for (const key of used) expect(messages[key]?.message, `${locale} ${key}`).toBeTruthy();
      if (locale !== 'en') {
        expect(messages.extName.message).not.toBe(english.extName.message);
        expect(messages.extDescription.message).not.toBe(english.extDescription.message);
      }
    }
  });
});
