import { rowFingerprint } from '@/lib/sites/gmail/thread-rows';

/**
 * Remembers what each thread row showed, so that after Gmail re-renders a list
 * only the rows that are new or changed are read again.
 */
export class RowTracker {
  private readonly seen = new WeakMap<Element, string>();

  changed(rows: Iterable<Element>): Element[] {
    const changed: Element[] = [];
    for (const row of rows) {
      const fingerprint = rowFingerprint(row);
      if (this.seen.get(row) === fingerprint) continue;
      this.seen.set(row, fingerprint);
      changed.push(row);
    }
    return changed;
  }
}
