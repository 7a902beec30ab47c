import { useEffect, useState } from 'react';

export interface StorageEstimate {
  usage: number;
  quota: number;
}

/** How much the browser lets the extension store, and how much it uses; undefined where the browser does not say. */
export function useStorageEstimate(refreshKey: unknown): StorageEstimate | undefined {
  const [estimate, setEstimate] = useState<StorageEstimate>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey only asks for a new estimate
  useEffect(() => {
    let live = true;
    navigator.storage
      ?.estimate()
      .then(({ usage, quota }) => {
        if (live && usage !== undefined && quota) setEstimate({ usage, quota });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [refreshKey]);
  return estimate;
}
