import type { ReactNode } from 'react';
import './page-shell.css';

export function PageShell({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="kw-page">
      <h1>{title}</h1>
      {children}
    </main>
  );
}
