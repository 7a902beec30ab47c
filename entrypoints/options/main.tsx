import { AccountStatus } from '@/components/account-status';
import { PageShell } from '@/components/page-shell';
import { mountPage } from '@/lib/ui/mount';
import { useStatus } from '@/lib/ui/use-status';
import { useTranslator } from '@/lib/ui/use-translator';

function Options() {
  const { t } = useTranslator();
  return (
    <PageShell title={t('app.options')}>
      <AccountStatus state={useStatus()} />
    </PageShell>
  );
}

mountPage(<Options />);
