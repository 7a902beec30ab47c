import { type FormEvent, useId, useRef, useState } from 'react';
import type { ClientActions } from '@/lib/ui/client-action-types';
import { type MergeTargets, mergeSuggestions } from '@/lib/ui/merge-targets';
import { useTranslator } from '@/lib/ui/use-translator';

interface Props {
  /** Read only once the user starts a merge: an account can have thousands of clients. */
  mergeTargets: MergeTargets;
  correct: ClientActions['correct'];
  /** Runs a correction and says in the card's status line how it went. */
  run: (work: Promise<void>) => void;
  setStatus: (status: string) => void;
}

/** Merges the client into another, suggesting the account's clients as the user types. */
export function ClientMergeForm({ mergeTargets, correct, run, setStatus }: Props) {
  const { t } = useTranslator();
  const id = useId();
  const [mergeInto, setMergeInto] = useState('');
  const [targetKeys, setTargetKeys] = useState<string[]>();
  const readingTargets = useRef(false);

  const startMerge = () => {
    if (readingTargets.current) return;
    readingTargets.current = true;
    mergeTargets.keys().then(setTargetKeys, (error: unknown) => {
      readingTargets.current = false;
      setStatus(t('panel.mergeTargetsFailed', { error: String(error) }));
    });
  };
  const merge = (event: FormEvent) => {
    event.preventDefault();
    const target = mergeInto.trim().toLowerCase();
    // Asked of the store, not of the suggestions: they may not be read yet, or be older than a new client.
    mergeTargets.has(target).then(
      (known) => {
        if (!known) return setStatus(t('panel.mergeUnknown', { key: target }));
        run(correct({ mergeInto: target }));
      },
      (error: unknown) => setStatus(t('panel.mergeTargetsFailed', { error: String(error) })),
    );
  };

  return (
    <form className="kw-form kw-form--inline" onSubmit={merge}>
      <label>
        {t('panel.mergeInto')}
        <input
          list={`${id}-clients`}
          value={mergeInto}
          onFocus={startMerge}
          onChange={(e) => {
            startMerge();
            setMergeInto(e.target.value);
          }}
        />
      </label>
      <datalist id={`${id}-clients`} data-testid="merge-suggestions">
        {mergeSuggestions(targetKeys ?? [], mergeInto).map((key) => (
          <option key={key} value={key} />
        ))}
      </datalist>
      <button type="submit" disabled={mergeInto.trim() === ''}>
        {t('panel.merge')}
      </button>
    </form>
  );
}
