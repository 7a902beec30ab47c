import { SetAsideList } from '@/components/set-aside-list';
import { includeClient } from '@/lib/ui/client-actions';
import { useSetAside } from '@/lib/ui/use-set-aside';
import { useTranslator } from '@/lib/ui/use-translator';

/** The options page's full list of senders set aside as automated, searchable. */
export function SetAsideSection() {
  const { t } = useTranslator();
  const state = useSetAside();
  if (state.kind === 'loading') return <p aria-busy="true">{t('status.loading')}</p>;
  if (state.kind === 'failed') return <p role="alert">{state.error}</p>;
  const { entries, total } = state.value;
  return (
    <SetAsideList
      entries={entries}
      total={total}
      showAccount={new Set(entries.map((entry) => entry.account)).size > 1}
      onInclude={(entry) => void includeClient(entry.account, entry.key)}
      searchable
      id="set-aside"
    />
  );
}
