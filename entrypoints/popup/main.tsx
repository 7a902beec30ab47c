import { GmailAccessNotice } from '@/components/gmail-access-notice';
import { ReadPageButton } from '@/components/read-page-button';
import { mountPage } from '@/lib/ui/mount';
import { useGmailAccess } from '@/lib/ui/use-gmail-access';
import { useReadPage } from '@/lib/ui/use-read-page';
import { PopupApp } from './popup-app';

function Popup() {
  return (
    <>
      <GmailAccessNotice {...useGmailAccess()} />
      <ReadPageButton {...useReadPage()} />
      <PopupApp />
    </>
  );
}

mountPage(<Popup />);
