import { describe, expect, it } from 'vitest';
import { RowTracker } from '@/lib/content/row-tracker';
import { loadFixture } from '../sites/gmail/fixtures';

describe('RowTracker', () => {
  it('after the first pass, a re-render with one changed row costs one row', () => {
    const doc = loadFixture('demo-inbox') as Document;
    const rows = () => [...doc.querySelectorAll('tr.zA[id]')];
    const tracker = new RowTracker();
    expect(tracker.changed(rows())).toHaveLength(50);
    expect(tracker.changed(rows())).toHaveLength(0);
    const row = rows()[7] as Element;
    const date = row.querySelector('td.xW span[title]') as Element;
    date.setAttribute('title', 'Fri, Nov 20, 2026, 1:00 PM');
    expect(tracker.changed(rows())).toEqual([row]);
    const replacement = row.cloneNode(true) as Element;
    row.replaceWith(replacement);
    expect(tracker.changed(rows())).toEqual([replacement]);
  });
});
