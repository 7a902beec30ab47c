import { AccountStatus } from '@/components/account-status';
import { PageShell } from '@/components/page-shell';
import { mountPage } from '@/lib/ui/mount';
import { useStatus } from '@/lib/ui/use-status';

function Popup() {
  return (
    <PageShell title="Keepwarm">
      <AccountStatus state={useStatus()} />
    </PageShell>
  );
}

mountPage(<Popup />);
