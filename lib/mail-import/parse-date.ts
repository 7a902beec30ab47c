// RFC 5322 dates parsed by our own rules rather than `Date.parse`, whose
// handling of this format differs between JavaScript engines. Returns
// undefined rather than guessing: an import never invents a time.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// RFC 5322 §4.3 obsolete zone names; other letters (military zones) mean "unknown", read as UTC.
const ZONES: Record<string, number> = {
  UT: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};
const RFC5322 =
  /^\s*(?:[a-z]{3,},?\s*)?(\d{1,2})\s*[-\s]\s*([a-z]{3})[a-z]*\.?\s*[-\s]\s*(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[a-z]{1,5})?/i;
const ISO = /^\s*\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})\s*$/i;

/** Epoch milliseconds of a Date header value, or undefined when it cannot be read. */
export function parseMailDate(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const match = RFC5322.exec(value);
  if (!match) return ISO.test(value) ? Date.parse(value) : undefined;
  const [, dayText, monthText, yearText, hourText, minuteText, secondText, zoneText] = match;
  const month = MONTHS.indexOf((monthText ?? '').toLowerCase());
  if (month < 0) return undefined;
  let year = Number(yearText);
  // RFC 5322 §4.3: two-digit years 00-49 are 2000s, 50-99 are 1900s; three digits add 1900.
  if (yearText?.length === 2) year += year < 50 ? 2000 : 1900;
  else if (yearText?.length === 3) year += 1900;
  const day = Number(dayText);
  const hour = Number(hourText);
  const minute = Number(minuteText);
  const second = Number(secondText ?? 0);
  if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  const offsetMinutes = zoneOffset(zoneText);
  if (offsetMinutes === undefined) return undefined;
  const utc = Date.UTC(year, month, day, hour, minute, Math.min(second, 59));
  // Date.UTC rolls 31 Feb over to March; such a date is not a real date.
  if (new Date(utc).getUTCDate() !== day) return undefined;
  return utc - offsetMinutes * 60_000;
}

// A missing zone is read as UTC, as RFC 5322 reads "-0000": the local time is unknown.
function zoneOffset(zone: string | undefined): number | undefined {
  if (!zone) return 0;
  if (zone[0] === '+' || zone[0] === '-') {
    const hours = Number(zone.slice(1, 3));
    const minutes = Number(zone.slice(3, 5));
    if (minutes > 59) return undefined;
    return (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  return ZONES[zone.toUpperCase()] ?? 0;
}
