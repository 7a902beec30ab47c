import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_DIR } from './chromium';

// The permissions the built extension asks for, pinned: a change here is a
// change to what users are asked to trust, and must be made on purpose.

const manifest = JSON.parse(readFileSync(path.join(CHROME_EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<
  string,
  unknown
>;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe('the built manifest', () => {
  it('asks only for what the features need; Gmail is the only required host', () => {
    expect(manifest.permissions).toEqual(['storage', 'alarms', 'scripting', 'activeTab', 'sidePanel']);
    expect(manifest.host_permissions).toEqual(['https://mail.google.com/*']);
    // Asked for one at a time, when the user switches the digest or a CRM on.
    expect(manifest.optional_permissions).toEqual(['notifications']);
    const optionalHosts = manifest.optional_host_permissions as string[];
    expect(optionalHosts).not.toContain('<all_urls>');
    expect(optionalHosts.every((origin) => /^https?:\/\/[^/]+\/\*$/.test(origin))).toBe(true);
    expect(JSON.stringify(manifest)).not.toMatch(/"tabs"|<all_urls>|webRequest|cookies|history|"debugger"/);
  });

  it('runs content scripts on Gmail only; CRM scripts are registered when switched on', () => {
    const scripts = manifest.content_scripts as { matches: string[]; js: string[]; world?: string; run_at?: string }[];
    expect(new Set(scripts.flatMap((s) => s.matches))).toEqual(new Set(['https://mail.google.com/*']));
    // The isolated script, and the page-world observer of Gmail's own data, before Gmail's code runs.
    expect(scripts.map((s) => [s.js, s.world ?? 'ISOLATED', s.run_at])).toEqual([
      [['content-scripts/gmail-data.js'], 'MAIN', 'document_start'],
      [['content-scripts/gmail.js'], 'ISOLATED', 'document_idle'],
    ]);
  });

  it('keeps the default content security policy and loads no remote code', () => {
    expect(manifest).not.toHaveProperty('content_security_policy');
    expect(manifest).not.toHaveProperty('externally_connectable');
    expect(manifest).not.toHaveProperty('web_accessible_resources');
    for (const file of filesUnder(CHROME_EXTENSION_DIR).filter((f) => /\.(html|js)$/.test(f))) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/<script[^>]+src=["']https?:/i);
      expect(text, file).not.toMatch(/import\(\s*["']https?:/);
      expect(text, file).not.toMatch(/importScripts\(\s*["']https?:/);
    }
  });
});
