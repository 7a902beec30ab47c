import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { UserManifest } from 'wxt';
import config from '@/wxt.config';

// The manifest's texts (name, description, toolbar and sidebar titles) are what
// the browser and the stores show: each goes through public/_locales, and
// each locale says it in its own language.

const LOCALES_DIR = path.resolve(import.meta.dirname, '../../public/_locales');
// A brand is the same in every language; every other text must be translated.
const BRAND_KEYS = new Set(['extShortName']);
// The stores' limits: Chrome's and Mozilla's (whose listing name is the shorter).
const MAX_LENGTH: Record<string, number> = { extName: 50, extShortName: 12, extDescription: 132 };

type Messages = Record<string, { message: string; description?: string }>;
const locales = Object.fromEntries(
  readdirSync(LOCALES_DIR).map((name) => [
    name,
    JSON.parse(readFileSync(path.join(LOCALES_DIR, name, 'messages.json'), 'utf8')) as Messages,
  ]),
);

function manifestOf(browser: 'chrome' | 'firefox'): UserManifest {
  const build = config.manifest as (env: object) => UserManifest;
  const manifest = build({ browser, manifestVersion: 3, mode: 'production', command: 'build' });
  // What WXT adds from the popup's and side panel's <title>, which the config's hook rewrites.
  manifest.action = { ...manifest.action, default_title: 'Keepwarm' };
  if (browser === 'firefox') manifest.sidebar_action = { default_panel: 'sidepanel.html', default_title: 'Keepwarm' };
  const hooks = config.hooks as Record<string, (wxt: unknown, manifest: UserManifest) => void>;
  const hook = hooks['build:manifestGenerated'];
  if (!hook) throw new Error('wxt.config.ts has no build:manifestGenerated hook');
  hook(undefined, manifest);
  return manifest;
}

const shownTexts = (manifest: UserManifest) => [
  manifest.name,
  manifest.short_name,
  manifest.description,
  manifest.action?.default_title,
  ...(manifest.sidebar_action ? [manifest.sidebar_action.default_title] : []),
];

describe.each(['chrome', 'firefox'] as const)('the %s manifest', (browser) => {
  const manifest = manifestOf(browser);

  it('says every text it shows through a message of _locales, English by default', () => {
    expect(manifest.default_locale).toBe('en');
    for (const text of shownTexts(manifest)) expect(text).toMatch(/^__MSG_\w+__$/);
  });

  it.each(Object.keys(locales))('finds each of its messages in %s', (locale) => {
    const used = [...JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)].map((m) => m[1] ?? '');
    expect(used.length).toBeGreaterThan(0);
    for (const key of used) expect(locales[locale]?.[key]?.message.trim(), `${locale} ${key}`).toBeTruthy();
  });
});

describe('the manifest locales', () => {
  it('are English, Ukrainian and Russian', () => {
    expect(Object.keys(locales).sort()).toEqual(['en', 'ru', 'uk']);
  });

  it.each(['uk', 'ru'])('%s has exactly the English keys, each translated', (locale) => {
    const english = locales.en ?? {};
    const translated = locales[locale] ?? {};
    expect(Object.keys(translated).sort()).toEqual(Object.keys(english).sort());
    for (const [key, { message }] of Object.entries(translated)) {
      if (BRAND_KEYS.has(key)) expect(message, key).toBe(english[key]?.message);
      else {
        expect(message, key).not.toBe(english[key]?.message);
        expect(message, `${locale} ${key} is in English`).toMatch(/[а-яіїєґ]{3}/i);
      }
    }
  });

  it.each(Object.keys(locales))('%s fits the stores’ limits', (locale) => {
    for (const [key, max] of Object.entries(MAX_LENGTH)) {
      expect(locales[locale]?.[key]?.message.length, `${locale} ${key}`).toBeLessThanOrEqual(max);
    }
  });
});
