import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { ReadPageButtonProps } from '@/components/read-page-button';
import { sendToBackground } from '@/lib/messaging/send';

/** The tab the popup was opened over, when it shows an ordinary web page other than Gmail. */
async function readableTab(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined || !tab.url) return undefined;
  const url = new URL(tab.url);
  if (!/^https?:$/.test(url.protocol) || url.hostname === 'mail.google.com') return undefined;
  return tab.id;
}

export function useReadPage(): ReadPageButtonProps {
  const [tabId, setTabId] = useState<number>();
  const [state, setState] = useState<ReadPageButtonProps['state']>('idle');
  const [error, setError] = useState<string>();
  useEffect(() => {
    readableTab()
      .then(setTabId)
      .catch(() => setTabId(undefined));
  }, []);
  return {
    available: tabId !== undefined,
    state,
    error,
    onRead() {
      if (tabId === undefined) return;
      setState('reading');
      sendToBackground({ type: 'ui/read-page', tabId })
        .then(({ read }) => {
          // The badge now shows on the page itself.
          if (read) window.close();
          else setState('nothing');
        })
        .catch((e: unknown) => {
          setError(String(e));
          setState('failed');
        });
    },
  };
}
