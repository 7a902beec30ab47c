import { GmailAccessNotice } from '@/components/gmail-access-notice';
import { mountPage } from '@/lib/ui/mount';
import { useGmailAccess } from '@/lib/ui/use-gmail-access';
import { SidePanelApp } from './side-panel-app';

function SidePanel() {
  return (
    <>
      <GmailAccessNotice {...useGmailAccess()} />
      <SidePanelApp />
    </>
  );
}

mountPage(<SidePanel />);
