import type { Plugin } from 'vite';

// React DOM can write raw HTML into a page (`dangerouslySetInnerHTML`, two
// `innerHTML` assignments in its production build). Keepwarm never renders raw
// HTML: mail text is always inert text, and the linter forbids the prop in our
// code. This removes that path from the bundle, so no page of the extension can
// write markup from a string, and Mozilla's addons-linter has nothing to warn
// about. The build fails if React's code changes shape, rather than guessing.
const REACT_DOM = /react-dom[\\/]cjs[\\/]react-dom-client\.production\.js$/;
const RAW_HTML_WRITE = '(domElement.innerHTML = key)';
const EXPECTED_WRITES = 2;
const REFUSAL = '(() => { throw Error("Keepwarm renders no raw HTML (dangerouslySetInnerHTML)"); })()';

export function noRawHtml(): Plugin {
  return {
    name: 'keepwarm:no-raw-html',
    enforce: 'pre',
    transform(code, id) {
      if (!REACT_DOM.test(id)) return null;
      const writes = code.split(RAW_HTML_WRITE).length - 1;
      if (writes !== EXPECTED_WRITES) {
        this.error(
          `expected ${EXPECTED_WRITES} raw HTML writes in React DOM, found ${writes}: check build/no-raw-html.ts`,
        );
      }
      return { code: code.replaceAll(RAW_HTML_WRITE, REFUSAL), map: null };
    },
  };
}
