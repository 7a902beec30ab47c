// Renders the extension's icons from their SVG sources into public/icon/,
// where the manifest and the toolbar button take them. Rerun after editing
// an SVG: `npm run icons`. The 16-pixel toolbar icon has its own drawing on a
// 16-pixel grid; the larger sizes scale the full mark.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const here = import.meta.dirname;
const outDir = path.resolve(here, '../public/icon');
const sources = { 16: 'icon-small.svg', 32: 'icon.svg', 48: 'icon.svg', 128: 'icon.svg' };

for (const [size, file] of Object.entries(sources)) {
  const svg = readFileSync(path.join(here, file));
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: Number(size) } }).render().asPng();
  writeFileSync(path.join(outDir, `${size}.png`), png);
  console.log(`public/icon/${size}.png from design/${file}`);
}
