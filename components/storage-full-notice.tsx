import type { StorageProblem } from '@/lib/data/storage-problem';
import { useTranslator } from '@/lib/ui/use-translator';

export interface StorageFullNoticeProps {
  problem?: StorageProblem;
  /** Where the user can make room; the options page itself passes none. */
  optionsHref?: string;
}

/** Says that the browser refused to store more, what was lost, and what to do; gone once a write succeeds again. */
export function StorageFullNotice({ problem, optionsHref }: StorageFullNoticeProps) {
  const { t, language } = useTranslator();
  if (!problem) return null;
  const when = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(problem.at);
  return (
    <div role="alert" className="kw-warning" data-testid="storage-full" data-operation={problem.operation}>
      <p>{t('storage.full', { what: t(`storage.operation.${problem.operation}`), when })}</p>
      <p>{t('storage.fullWhatToDo')}</p>
      {optionsHref ? (
        <p>
          <a href={optionsHref} target="_blank" rel="noreferrer">
            {t('storage.fullOpenOptions')}
          </a>
        </p>
      ) : null}
    </div>
  );
}
