import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { AccountFields } from '@/components/options/account-fields';
import { CheckInField } from '@/components/options/check-in-field';
import { CrmValueField } from '@/components/options/crm-value-field';
import { HoursFields } from '@/components/options/hours-fields';
import { IgnoreFields } from '@/components/options/ignore-fields';
import { LanguageField } from '@/components/options/language-field';
import { NotificationFields } from '@/components/options/notification-fields';
import type { OptionsSectionProps } from '@/components/options/options-section';
import { ReplyTargetField } from '@/components/options/reply-target-field';
import { RetentionFields } from '@/components/options/retention-fields';
import { type SaveStatus, SettingsSaveBar } from '@/components/options/settings-save-bar';
import { RETENTION_RUN_KEY, retentionRunSchema } from '@/lib/data/retention-run';
import type { UserSettings } from '@/lib/settings/user-settings';
import { timeZones } from '@/lib/ui/calendar-labels';
import { releaseNotifications, requestNotifications } from '@/lib/ui/notification-permission';
import { checkDraft, draftOf, type FieldErrors, type SettingsDraft } from '@/lib/ui/settings-form';
import { useKnownAccounts } from '@/lib/ui/use-accounts';
import { useExtensionStorage } from '@/lib/ui/use-extension-storage';
import { useStorageEstimate } from '@/lib/ui/use-storage-estimate';

function SettingsForm({ settings, saveSettings }: OptionsSectionProps) {
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(settings));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<SaveStatus>('idle');
  const form = useRef<HTMLFormElement>(null);
  const known = useKnownAccounts();
  const accounts = useMemo(() => {
    const stored = known.kind === 'ready' ? known.value.map((a) => a.address) : [];
    return [...new Set([...stored, ...Object.keys(settings.accounts)])].sort();
  }, [known, settings.accounts]);
  const zones = useMemo(() => timeZones(draft.timeZone), [draft.timeZone]);
  const lastRun = useExtensionStorage(RETENTION_RUN_KEY, retentionRunSchema);
  // Asked again after each cleanup: forgetting mail is what frees room.
  const estimate = useStorageEstimate(lastRun?.at);

  // After a refused save, the first field in trouble gets the focus, so keyboard and screen reader users land on it.
  useEffect(() => {
    if (status !== 'invalid') return;
    form.current
      ?.querySelector<HTMLElement>('[aria-invalid="true"], fieldset[aria-describedby*="-error"] input')
      ?.focus();
  }, [status]);

  const update = (patch: Partial<SettingsDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    if (status === 'saved') setStatus('idle');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const check = checkDraft(draft, settings);
    if (!check.ok) {
      setErrors(check.errors);
      setStatus('invalid');
      return;
    }
    setErrors({});
    setStatus('saving');
    try {
      await saveSettings(check.settings);
      if (!check.settings.notifications.dailyDigest) await releaseNotifications();
      setDraft(draftOf(check.settings));
      setStatus('saved');
    } catch (error) {
      setStatus({ failed: String(error) });
    }
  };

  const props = { draft, errors, update };
  return (
    <form ref={form} onSubmit={submit} noValidate>
      <AccountFields {...props} accounts={accounts} settings={settings} />
      <HoursFields {...props} zones={zones} />
      <ReplyTargetField {...props} />
      <CheckInField {...props} />
      <IgnoreFields {...props} />
      <CrmValueField {...props} />
      <NotificationFields {...props} requestNotifications={requestNotifications} />
      <RetentionFields {...props} estimate={estimate} lastRun={lastRun} />
      <SettingsSaveBar status={status} />
    </form>
  );
}

/** The stored settings apart from the language, which saves on its own without touching the form. */
function formKey(settings: UserSettings): string {
  return JSON.stringify({ ...settings, language: undefined });
}

/**
 * The form starts again from the stored settings when they change from
 * elsewhere (an import, a deletion, another open options page), but not when
 * it saved them itself: then it keeps its "saved" status.
 */
export function SettingsSection(props: OptionsSectionProps) {
  const savedHere = useRef<string>(undefined);
  const seen = useRef(formKey(props.settings));
  const generation = useRef(0);
  const key = formKey(props.settings);
  if (key !== seen.current) {
    seen.current = key;
    if (key !== savedHere.current) generation.current += 1;
  }
  const saveSettings = async (settings: UserSettings) => {
    const before = formKey(props.settings);
    savedHere.current = formKey(settings);
    try {
      await props.saveSettings(settings);
    } catch (error) {
      // The page goes back to the stored settings; the form keeps the user's edits and says what failed.
      savedHere.current = before;
      throw error;
    }
  };
  return (
    <>
      <LanguageField {...props} />
      <SettingsForm key={generation.current} settings={props.settings} saveSettings={saveSettings} />
    </>
  );
}
