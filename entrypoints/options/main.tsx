import { AccountStatus } from '@/components/account-status';
import { PageShell } from '@/components/page-shell';
import { mountPage } from '@/lib/ui/mount';
import { useStatus } from '@/lib/ui/use-status';

function Options() {
  return (
    <PageShell title="Keepwarm options">
      <AccountStatus state={useStatus()} />
    </PageShell>
  );
}

mountPage(<Options />);
