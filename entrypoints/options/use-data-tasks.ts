import { useState } from 'react';
import type { ConfirmRequest } from '@/components/options/confirm-dialog';
import type { DataOutcome } from '@/components/options/data-groups';
import { useTranslator } from '@/lib/ui/use-translator';

/**
 * The data section's tasks, one at a time: a large mailbox takes a while to
 * export, delete or restore. Each task returns the line that says what it did;
 * `ask` runs one only on the user's yes.
 */
export function useDataTasks() {
  const { t } = useTranslator();
  const [confirm, setConfirm] = useState<ConfirmRequest>();
  const [outcome, setOutcome] = useState<DataOutcome>();
  const [busy, setBusy] = useState(false);

  const run = async (task: () => Promise<string>) => {
    setOutcome(undefined);
    setBusy(true);
    try {
      setOutcome({ ok: true, text: await task() });
    } catch (error) {
      setOutcome({ ok: false, text: t('options.data.failed', { error: String(error) }) });
    } finally {
      setBusy(false);
    }
  };
  const ask = (title: string, body: string, confirmLabel: string, task: () => Promise<string>) =>
    setConfirm({ title, body, confirmLabel, onConfirm: () => run(task) });
  const fail = (text: string) => setOutcome({ ok: false, text });

  return { busy, outcome, confirm, closeConfirm: () => setConfirm(undefined), run, ask, fail };
}
