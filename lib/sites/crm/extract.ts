import { HealthCounter } from '../gmail/health';
import { parseAmount } from './amount';
import { normaliseEmail, webDomain } from './page';
import {
  type CrmAdapter,
  type CrmExtraction,
  type CrmReading,
  type CrmRecord,
  type CrmRoute,
  MAX_RECORD_EMAILS,
} from './types';

// Runs one adapter on a page and turns what it read into a record the
// background accepts: addresses checked and deduplicated, text bounded, times
// and amounts kept only when they parse. A page the adapter does not
// recognise as the record its URL names yields no record at all.

const clip = (text: string | undefined, max: number): string | undefined => {
  const clean = (text ?? '').replace(/\s+/g, ' ').trim().slice(0, max).trim();
  return clean || undefined;
};

const EARLIEST = Date.UTC(2000, 0, 1);

function normalise(adapter: CrmAdapter, route: CrmRoute, reading: CrmReading, failed: (f: string) => void) {
  const name = clip(reading.name, 300);
  if (!name) {
    failed('name');
    return null;
  }
  const emails = [...new Set(reading.emails.map((e) => normaliseEmail(e)).filter((e): e is string => !!e))];
  if (emails.length > MAX_RECORD_EMAILS) failed('emails');
  const record: CrmRecord = {
    crm: adapter.id,
    kind: reading.kind ?? route.kind,
    ...(route.recordId && /^[\w.:-]{1,100}$/.test(route.recordId) ? { recordId: route.recordId } : {}),
    name,
    emails: emails.slice(0, MAX_RECORD_EMAILS),
    activities: [],
  };
  const companyName = clip(reading.companyName, 300);
  if (companyName) record.companyName = companyName;
  const companyDomain = webDomain(reading.companyDomain);
  if (companyDomain) record.companyDomain = companyDomain;
  if (reading.amountText?.trim()) {
    const amount = parseAmount(reading.amountText);
    if (amount) record.amount = amount;
    else failed('amount');
  }
  for (const activity of reading.activities ?? []) {
    if (activity.at === undefined || !Number.isInteger(activity.at) || activity.at < EARLIEST) failed('activityTime');
    else if (record.activities.length < 200)
      record.activities.push({ at: activity.at, label: clip(activity.label, 200) ?? '' });
  }
  return record;
}

export function extractCrmRecord(adapter: CrmAdapter, document: Document, url: URL): CrmExtraction {
  const health = new HealthCounter();
  const route = adapter.route(url);
  if (!route) return { record: null, health: health.report() };
  const failures = new Set<string>();
  const failed = (field: string) => failures.add(field);
  const reading = adapter.read({ document, url, route, missing: (name) => health.missingSelector(name), failed });
  const record = reading ? normalise(adapter, route, reading, failed) : null;
  if (!reading) failed('record');
  health.record([...failures]);
  return { record, health: health.report() };
}
