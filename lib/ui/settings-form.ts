// The settings form's state and its check. The form edits text (lists one
// entry a line, times as "09:30"); saving turns that text into a settings
// record and validates it with the settings schema, and every problem is
// mapped to the field that shows it and a message key in the user's language.
import type { z } from 'zod';
import type { MessageKey } from '@/lib/i18n/catalogs';
import type { Params } from '@/lib/i18n/translate';
import { type UserSettings, type UserSettingsInput, userSettingsSchema } from '@/lib/settings/user-settings';

export interface AccountDraft {
  aliases: string;
  internalDomains: string;
}

export interface SettingsDraft {
  timeZone: string;
  workingDays: number[];
  start: string;
  end: string;
  replyTargetHours: string;
  checkInPercent: string;
  /** Per account address; an account without an entry shows its stored settings. */
  accounts: Record<string, AccountDraft>;
  ignoredSenders: string;
  ignoredDomains: string;
  dailyDigest: boolean;
  digestHour: number;
  snippetMonths: string;
  forgetMonths: string;
  crmDealValue: boolean;
}

export interface FieldError {
  key: MessageKey;
  params?: Params;
}

/** Field ids: a settings path, e.g. `businessHours.endHour` or `accounts.<address>.aliases`. */
export type FieldErrors = Record<string, FieldError>;

export type DraftCheck = { ok: true; settings: UserSettings } | { ok: false; errors: FieldErrors };

const pad = (n: number) => String(n).padStart(2, '0');

export function hourToTime(hour: number): string {
  const minutes = Math.round(hour * 60);
  return `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`;
}

/** "09:30" → 9.5; anything else is not a number, which the schema refuses. */
export function timeToHour(time: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!match) return Number.NaN;
  return Number(match[1]) + Number(match[2]) / 60;
}

/** One entry a line (commas and semicolons separate too), trimmed, blanks dropped. */
export function splitEntries(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

export function accountDraftOf(settings: UserSettings, account: string): AccountDraft {
  const stored = settings.accounts[account];
  return { aliases: (stored?.aliases ?? []).join('\n'), internalDomains: (stored?.internalDomains ?? []).join('\n') };
}

export function draftOf(settings: UserSettings): SettingsDraft {
  const { businessHours: hours, notifications } = settings;
  return {
    timeZone: hours.timeZone,
    workingDays: hours.workingDays,
    start: hourToTime(hours.startHour),
    end: hourToTime(hours.endHour),
    replyTargetHours: String(settings.replyTargetHours),
    checkInPercent: String(settings.checkInPercent),
    accounts: Object.fromEntries(Object.keys(settings.accounts).map((a) => [a, accountDraftOf(settings, a)])),
    ignoredSenders: settings.ignoredSenders.join('\n'),
    ignoredDomains: settings.ignoredDomains.join('\n'),
    dailyDigest: notifications.dailyDigest,
    digestHour: notifications.digestHour,
    snippetMonths: String(settings.retention.snippetMonths),
    forgetMonths: String(settings.retention.forgetMonths),
    crmDealValue: settings.crmDealValue,
  };
}

/** A blank field keeps everything, like 0; anything but a number is refused by the schema. */
function monthsOf(text: string): number {
  return text.trim() === '' ? 0 : Number(text);
}

/** The record the draft stands for, on top of the saved settings (language and accounts not in the draft stay). */
export function recordOf(draft: SettingsDraft, saved: UserSettings): UserSettingsInput {
  const accounts: UserSettingsInput['accounts'] = { ...saved.accounts };
  for (const [address, account] of Object.entries(draft.accounts)) {
    accounts[address] = {
      aliases: splitEntries(account.aliases),
      internalDomains: splitEntries(account.internalDomains),
    };
  }
  return {
    language: saved.language,
    businessHours: {
      timeZone: draft.timeZone,
      workingDays: draft.workingDays,
      startHour: timeToHour(draft.start),
      endHour: timeToHour(draft.end),
    },
    replyTargetHours: draft.replyTargetHours.trim() === '' ? Number.NaN : Number(draft.replyTargetHours),
    checkInPercent: draft.checkInPercent.trim() === '' ? Number.NaN : Number(draft.checkInPercent),
    accounts,
    ignoredSenders: splitEntries(draft.ignoredSenders),
    ignoredDomains: splitEntries(draft.ignoredDomains),
    notifications: { dailyDigest: draft.dailyDigest, digestHour: draft.digestHour },
    retention: { snippetMonths: monthsOf(draft.snippetMonths), forgetMonths: monthsOf(draft.forgetMonths) },
    crmDealValue: draft.crmDealValue,
  };
}

const LIST_FIELDS: Record<string, 'email' | 'domain'> = {
  aliases: 'email',
  internalDomains: 'domain',
  ignoredSenders: 'email',
  ignoredDomains: 'domain',
};

function listError(issue: z.core.$ZodIssue, kind: 'email' | 'domain', entry: unknown): FieldError {
  if (issue.code === 'too_big') return { key: 'options.error.tooMany', params: { max: Number(issue.maximum) } };
  return { key: kind === 'email' ? 'options.error.email' : 'options.error.domain', params: { value: String(entry) } };
}

/** Which field shows a problem, and in which words. */
function fieldErrorOf(issue: z.core.$ZodIssue, record: UserSettingsInput): [string, FieldError] {
  const path = issue.path.map(String);
  if (path[0] === 'accounts' && path.length >= 3) {
    const [, address = '', list = ''] = path;
    const kind = LIST_FIELDS[list] ?? 'email';
    const entries = record.accounts?.[address]?.[list as keyof AccountDraft] ?? [];
    return [`accounts.${address}.${list}`, listError(issue, kind, entries[Number(path[3])])];
  }
  const [head = '', second] = path;
  const kind = LIST_FIELDS[head];
  if (kind) {
    const entries = (head === 'ignoredSenders' ? record.ignoredSenders : record.ignoredDomains) ?? [];
    return [head, listError(issue, kind, entries[Number(second)])];
  }
  const field = path.slice(0, 2).join('.');
  switch (field) {
    case 'businessHours.timeZone':
      return [field, { key: 'options.error.timeZone' }];
    case 'businessHours.workingDays':
      return [field, { key: 'options.error.noWorkingDay' }];
    case 'businessHours.startHour':
      return [field, { key: 'options.error.time' }];
    case 'businessHours.endHour':
      return [field, { key: issue.code === 'custom' ? 'options.error.endBeforeStart' : 'options.error.time' }];
    case 'replyTargetHours':
      return [field, { key: 'options.error.replyTarget', params: { max: 24 * 14 } }];
    case 'checkInPercent':
      return [field, { key: 'options.error.checkInPercent', params: { min: 5, max: 95 } }];
    case 'retention.snippetMonths':
      return [field, { key: 'options.error.snippetMonths' }];
    case 'retention.forgetMonths':
      return [field, { key: 'options.error.forgetMonths' }];
    default:
      return [field || 'settings', { key: 'options.error.invalid' }];
  }
}

/** Validates the draft with the settings schema; the first problem of each field is the one shown. */
export function checkDraft(draft: SettingsDraft, saved: UserSettings): DraftCheck {
  const record = recordOf(draft, saved);
  const result = userSettingsSchema.safeParse(record);
  if (result.success) return { ok: true, settings: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const [field, error] = fieldErrorOf(issue, record);
    errors[field] ??= error;
  }
  return { ok: false, errors };
}
