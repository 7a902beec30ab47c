import { GmailAccessNotice } from '@/components/gmail-access-notice';
import { ReadPageButton } from '@/components/read-page-button';
import { mountPage } from '@/lib/ui/mount';
import { useGmailAccess } from '@/lib/ui/use-gmail-access';
import { PopupApp } from './popup-app';
import { useReadPage } from './use-read-page';

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
