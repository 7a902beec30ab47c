// The side panel's client settings form, turned into the `ui/set-client-override`
// patch: only what changed, a cleared field as `null`, and input the
// background would refuse caught here first with a message, nothing sent.

import type { StoredClientOverride } from '@/lib/data/stored-rows';
import type { ClientTier } from '@/lib/engine/overrides';
import type { OverridePatch } from './client-action-types';

export interface OverrideForm {
  name: string;
  tier: string;
  value: string;
  /** `yyyy-mm-dd` from a date input, or empty. */
  quietUntil: string;
}

export type PatchResult = { patch: OverridePatch } | { error: 'value' | 'name' | 'tier' | 'date' };

const TIERS: readonly string[] = ['key', 'standard', 'minor'] satisfies ClientTier[];

/** The local calendar day of a time, as a date input shows it. */
export function dateInput(at: number | undefined): string {
  if (at === undefined) return '';
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function overridePatch(before: Partial<StoredClientOverride> | undefined, form: OverrideForm): PatchResult {
  const patch: OverridePatch = {};
  const name = form.name.trim();
  if (name.length > 200) return { error: 'name' };
  if (name !== (before?.name ?? '')) patch.name = name === '' ? null : name;
  if (form.tier !== '' && !TIERS.includes(form.tier)) return { error: 'tier' };
  if (form.tier !== (before?.tier ?? '')) patch.tier = form.tier === '' ? null : (form.tier as ClientTier);
  const valueText = form.value.trim().replace(',', '.');
  const value = valueText === '' ? undefined : Number(valueText);
  if (value !== undefined && !(Number.isFinite(value) && value >= 0 && value <= 1e15)) return { error: 'value' };
  if (value !== before?.value) patch.value = value ?? null;
  if (form.quietUntil !== dateInput(before?.quietUntil)) {
    // Silence is expected through the whole of the chosen day.
    const quiet = form.quietUntil ? new Date(`${form.quietUntil}T23:59:59`).getTime() : undefined;
    if (quiet !== undefined && Number.isNaN(quiet)) return { error: 'date' };
    patch.quietUntil = quiet ?? null;
  }
  return { patch };
}
