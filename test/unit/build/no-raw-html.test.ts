import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { noRawHtml } from '@/build/no-raw-html';

// The bundle keeps no way to write raw HTML: React DOM's two innerHTML writes
// become a refusal, and a React whose code no longer matches stops the build.

type Transform = (this: { error(message: string): never }, code: string, id: string) => { code: string } | null;
const transform = noRawHtml().transform as Transform;
const context = {
  error(message: string): never {
    throw new Error(message);
  },
};
// The file the bundler takes, found from React DOM's own package (its exports hide the path).
const reactDomFile = path.join(
  path.dirname(createRequire(import.meta.url).resolve('react-dom/package.json')),
  'cjs/react-dom-client.production.js',
);

describe('the no-raw-HTML build step', () => {
  it('removes both innerHTML writes from the installed React DOM', () => {
    const result = transform.call(context, readFileSync(reactDomFile, 'utf8'), reactDomFile);
    expect(result?.code).not.toMatch(/\.innerHTML = key\b/);
    expect(result?.code.match(/Keepwarm renders no raw HTML/g)).toHaveLength(2);
  });

  it('stops the build when React DOM changes shape', () => {
    expect(() => transform.call(context, 'domElement.textContent = key;', reactDomFile)).toThrow(/found 0/);
  });

  it('leaves every other module alone', () => {
    expect(transform.call(context, '(domElement.innerHTML = key)', '/src/other.js')).toBeNull();
  });
});
