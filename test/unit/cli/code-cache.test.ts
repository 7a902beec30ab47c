import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoaderStep, loaderChild } from './code-cache-child';

// V8 refuses a code cache made under other flags, and the report sets a V8
// flag when the machine has no core to spare: set before the bundle was
// compiled, it cost every busy machine the report's cache. A small bundle of
// our own, its cache written once as the build writes the report's, then
// loaded as the report and its second parsing thread load theirs.
const BUNDLE_SOURCE = `
function words(text) {
  return text.split(/\\s+/).filter((word) => word.length > 0);
}
function longest(list) {
  return list.reduce((best, word) => (word.length > best.length ? word : best), '');
}
exports.run = async () => longest(words('a cache holds the bytecode of every function a run compiled'));
`;

let dir = '';
let bundle = '';
let child: (bundle: string, step: LoaderStep) => unknown;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'keepwarm-code-cache-'));
  bundle = path.join(dir, 'words.cjs');
  writeFileSync(bundle, BUNDLE_SOURCE);
  child = await loaderChild(dir);
  expect(child(bundle, 'write')).toBe('bytecode');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a bundle's code cache", () => {
  it("is refused when the busy machine's flag is set before the bundle is compiled", () => {
    expect(child(bundle, 'flags-before-compiling')).toBe(true);
  });

  it('is taken when the flag is set once the bundle is compiled, as the report sets it', () => {
    expect(child(bundle, 'flags-before-running')).toBe(false);
  });

  it("is taken in a worker thread, as the report's second parsing thread loads its parser", () => {
    expect(child(bundle, 'in-a-worker')).toBe(false);
  });
});
