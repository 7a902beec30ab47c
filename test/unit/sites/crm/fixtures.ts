import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { attachDeclarativeShadowRoots } from '@/lib/sites/crm/shadow';

// The pages the CRM adapters are tested on, by the names their selector tables
// use. Our own pages live in test/fixtures/crm/<crm>/<name>.html and name the
// address they stand for in their header ("URL: …"); `real-*` pages are the
// Dolibarr captures in ../shared, used only when it exists beside the checkout.

const REPO = path.resolve(import.meta.dirname, '../../../..');
const OWN = path.join(REPO, 'test/fixtures/crm');
const SHARED_DOLIBARR = path.resolve(REPO, '..', 'shared', 'fixtures', 'crm', 'dolibarr');
const DOLIBARR_HOST = 'http://127.0.0.1:8080';

const REAL: Record<string, { file: string; url: string }> = {
  'real-contact': { file: 'contact-page.html', url: `${DOLIBARR_HOST}/contact/card.php?id=1` },
  'real-thirdparty': { file: 'thirdparty-page.html', url: `${DOLIBARR_HOST}/societe/card.php?socid=1` },
  'real-thirdparty-contacts': {
    file: 'thirdparty-contacts-tab.html',
    url: `${DOLIBARR_HOST}/societe/contact.php?socid=1`,
  },
  'real-contact-list': { file: 'contact-list.html', url: `${DOLIBARR_HOST}/contact/list.php` },
};

export interface CrmFixture {
  html: string;
  url: URL;
}

export function ownFixturePath(crm: string, name: string): string {
  return path.join(OWN, crm, `${name}.html`);
}

export function ownFixtureNames(crm: string): string[] {
  const dir = path.join(OWN, crm);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.html'))
        .map((f) => f.slice(0, -5))
    : [];
}

/** The fixture's HTML and address, or undefined for a `real-*` page when ../shared is absent. */
export function readCrmFixture(crm: string, name: string): CrmFixture | undefined {
  const real = REAL[name];
  if (real) {
    const file = path.join(SHARED_DOLIBARR, real.file);
    return existsSync(file) ? { html: readFileSync(file, 'utf8'), url: new URL(real.url) } : undefined;
  }
  const html = readFileSync(ownFixturePath(crm, name), 'utf8');
  const url = /\bURL: (\S+)/.exec(html)?.[1];
  if (!url) throw new Error(`Fixture ${crm}/${name} names no URL in its header`);
  return { html, url: new URL(url) };
}

export function parseCrmHtml(html: string, url: URL): Document {
  const window = new Window({ url: url.href });
  const document = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  attachDeclarativeShadowRoots(document);
  return document;
}

export function loadCrmFixture(crm: string, name: string): { document: Document; url: URL } | undefined {
  const fixture = readCrmFixture(crm, name);
  return fixture && { document: parseCrmHtml(fixture.html, fixture.url), url: fixture.url };
}
