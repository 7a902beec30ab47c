import { type ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/** Mounts an extension page's React tree into its `#root`. */
export function mountPage(node: ReactNode): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('Keepwarm page is missing its #root element');
  createRoot(root).render(<StrictMode>{node}</StrictMode>);
}
