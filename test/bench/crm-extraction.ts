import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { CRM_ADAPTERS } from '@/lib/sites/crm/adapters';
import { extractCrmRecord } from '@/lib/sites/crm/extract';
import { attachDeclarativeShadowRoots } from '@/lib/sites/crm/shadow';
import type { CrmId } from '@/lib/sites/crm/types';
import { type Benchmark, medianMs } from './benchmark';

// Each CRM adapter on each of its record pages, against the least any reader
// of the page must do: one pass over every element looking for mailto links.
// In happy-dom, so the figures compare with each other, not with a browser.

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/crm');
// The real Dolibarr captures, full-size pages, when the shared folder is beside the checkout.
const SHARED_DOLIBARR = path.resolve(import.meta.dirname, '../../../shared/fixtures/crm/dolibarr');
const REAL_DOLIBARR = [
  ['contact-page.html', 'http://127.0.0.1:8080/contact/card.php?id=1'],
  ['thirdparty-contacts-tab.html', 'http://127.0.0.1:8080/societe/contact.php?socid=1'],
];
const REPEAT = 200;

function parse(crm: CrmId, page: string, html: string, url: URL) {
  const window = new Window({ url: url.href });
  const document = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  attachDeclarativeShadowRoots(document);
  return { crm, page, url, document };
}

function pages() {
  const own = (Object.keys(CRM_ADAPTERS) as CrmId[]).flatMap((crm) =>
    readdirSync(path.join(FIXTURES, crm))
      .filter((file) => file.endsWith('.html'))
      .map((file) => {
        const html = readFileSync(path.join(FIXTURES, crm, file), 'utf8');
        return parse(crm, file.slice(0, -5), html, new URL(/\bURL: (\S+)/.exec(html)?.[1] ?? 'https://example.com/'));
      }),
  );
  const real = REAL_DOLIBARR.filter(([file]) => existsSync(path.join(SHARED_DOLIBARR, file ?? ''))).map(([file, url]) =>
    parse('dolibarr', `real-${file}`, readFileSync(path.join(SHARED_DOLIBARR, file ?? ''), 'utf8'), new URL(url ?? '')),
  );
  return [...own, ...real];
}

export const crmExtraction: Benchmark = {
  name: 'crm-extraction',
  async run() {
    const rows: { crm: CrmId; page: string; adapterMs: number; mailtoScanMs: number }[] = [];
    for (const { crm, page, url, document } of pages()) {
      const adapterMs = await medianMs(REPEAT, () => extractCrmRecord(CRM_ADAPTERS[crm], document, url));
      const baselineMs = await medianMs(REPEAT, () =>
        [...document.querySelectorAll('*')].filter((el) => el.getAttribute('href')?.startsWith('mailto:')),
      );
      rows.push({ crm, page, adapterMs: round(adapterMs), mailtoScanMs: round(baselineMs) });
    }
    const total = (key: 'adapterMs' | 'mailtoScanMs') => round(rows.reduce((sum, r) => sum + r[key], 0));
    return { pages: rows.length, adapterMsTotal: total('adapterMs'), mailtoScanMsTotal: total('mailtoScanMs'), rows };
  },
};

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
