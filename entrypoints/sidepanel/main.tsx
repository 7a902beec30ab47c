import { GmailAccessNotice } from '@/components/gmail-access-notice';
import { SidePanelApp } from '@/components/side-panel-app';
import { mountPage } from '@/lib/ui/mount';
import { useGmailAccess } from '@/lib/ui/use-gmail-access';

function SidePanel() {
  return (
    <>
      <GmailAccessNotice {...useGmailAccess()} />
      <SidePanelApp />
    </>
  );
}

mountPage(<SidePanel />);
