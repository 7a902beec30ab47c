import { PopupApp } from '@/components/popup-app';
import { ReadPageButton } from '@/components/read-page-button';
import { mountPage } from '@/lib/ui/mount';
import { useReadPage } from '@/lib/ui/use-read-page';

function Popup() {
  return (
    <>
      <ReadPageButton {...useReadPage()} />
      <PopupApp />
    </>
  );
}

mountPage(<Popup />);
