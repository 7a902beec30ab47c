import type { CrmAmount } from './types';

// Deal values as CRMs print them: "$12,500.00", "12.500,00 €", "12 500 ₴",
// "CHF 1'250.50". Parsed only when the reading is unambiguous.

const SYMBOLS: Record<string, string> = { '€': 'EUR', '£': 'GBP', '₴': 'UAH', '₽': 'RUB', '₹': 'INR', '₺': 'TRY' };
const CODE = /\b([A-Z]{3})\b/;
const NUMBER = /\d[\d\s\u00a0\u202f'.,]*/;

function parseNumber(raw: string): number | undefined {
  const text = raw.replace(/[\s\u00a0\u202f']/g, '').replace(/[.,]$/, '');
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  let normalised: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    normalised = text.split(group).join('').replace(decimal, '.');
  } else if (lastDot >= 0 || lastComma >= 0) {
    const separator = lastDot >= 0 ? '.' : ',';
    const parts = text.split(separator);
    // "12,500" and "1.250.000" group thousands; "12,50" and "12.5" are decimals.
    const grouped = parts.length > 2 || parts[1]?.length === 3;
    normalised = grouped ? parts.join('') : parts.join('.');
  } else normalised = text;
  if (!/^\d+(?:\.\d+)?$/.test(normalised)) return undefined;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : undefined;
}

export function parseAmount(text: string): CrmAmount | undefined {
  const match = NUMBER.exec(text);
  if (!match) return undefined;
  const value = parseNumber(match[0]);
  if (value === undefined || value > 1e12) return undefined;
  const code = CODE.exec(text)?.[1];
  const symbol = [...text].find((c) => SYMBOLS[c]);
  const currency = code ?? (symbol ? SYMBOLS[symbol] : undefined);
  return currency ? { value, currency } : { value };
}
