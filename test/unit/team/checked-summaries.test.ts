import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { followSummaries } from '@/lib/features/team/checked-summaries';
import { SUMMARIES_MAP } from '@/lib/team/documents';
import type { ClientSummary } from '@/lib/team/summary';
import { summary } from '../../team/team-fixtures';

// A member's summaries, checked as they change: what the team view shows must
// equal checking the whole document afresh, whatever arrives and in what order.

const at = Date.parse('2026-11-16T12:00:00Z');

function documentWith(entries: Record<string, unknown>): Y.Doc {
  const doc = new Y.Doc();
  const map = doc.getMap<unknown>(SUMMARIES_MAP);
  doc.transact(() => {
    for (const [key, value] of Object.entries(entries)) map.set(key, value);
  });
  return doc;
}

describe('followSummaries', () => {
  it('checks what is already there, then each change as it arrives', () => {
    const doc = documentWith({ 'acme.example': summary('acme.example', 10, at), 'bad.example': { clientKey: 1 } });
    const map = doc.getMap<unknown>(SUMMARIES_MAP);
    const checked = followSummaries(map);
    expect([...checked.valid().keys()]).toEqual(['acme.example']);
    expect(checked.invalid()).toBe(1);

    doc.transact(() => {
      map.set('bad.example', summary('bad.example', 20, at));
      map.set('globex.example', summary('globex.example', 30, at));
      map.set('acme.example', { ...summary('acme.example', 40, at), subject: 'never shown' });
      map.set('hooli.example', { ...summary('hooli.example', 40, at), kind: 'team' });
    });
    // A field this release does not know is left out; a known field that is wrong refuses the summary.
    expect([...checked.valid().keys()].sort()).toEqual(['acme.example', 'bad.example', 'globex.example']);
    expect(checked.valid().get('acme.example')).toEqual(summary('acme.example', 40, at));
    expect(checked.invalid()).toBe(1);

    map.delete('hooli.example');
    expect(checked.invalid()).toBe(0);
    // A value stored under another client's key is not that client's.
    map.set('initech.example', summary('globex.example', 50, at));
    expect(checked.valid().has('initech.example')).toBe(false);
    expect(checked.invalid()).toBe(1);
  });

  it('follows a document filled from a remote update, and stops following when asked', () => {
    const remote = documentWith(
      Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`c${i}.example`, summary(`c${i}.example`, i, at)])),
    );
    const local = new Y.Doc();
    const checked = followSummaries(local.getMap<unknown>(SUMMARIES_MAP));
    Y.applyUpdate(local, Y.encodeStateAsUpdate(remote));
    expect(checked.valid().size).toBe(50);
    expect(checked.valid().get('c7.example')?.risk.chance).toBe(7);

    checked.stop();
    remote.getMap<unknown>(SUMMARIES_MAP).delete('c7.example');
    Y.applyUpdate(local, Y.encodeStateAsUpdate(remote));
    expect(checked.valid().has('c7.example')).toBe(true);
  });

  it('hands out its own map of frozen summaries, so a caller cannot change what the next view shows', () => {
    const checked = followSummaries(
      documentWith({ 'acme.example': summary('acme.example', 10, at) }).getMap(SUMMARIES_MAP),
    );
    checked.valid().clear();
    expect(checked.valid().size).toBe(1);
    const held = checked.valid().get('acme.example') as ClientSummary;
    expect(() => {
      held.risk.chance = 99;
    }).toThrow(TypeError);
    expect(checked.valid().get('acme.example')?.risk.chance).toBe(10);
  });
});
