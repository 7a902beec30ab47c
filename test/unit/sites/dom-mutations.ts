import fc from 'fast-check';

// What a site redesign does to a page, as random edits: elements removed,
// attributes renamed or given odd values, subtrees moved, text replaced.

export type DomMutation =
  | { kind: 'remove'; pick: number }
  | { kind: 'attribute'; pick: number; name: string; value: string | null }
  | { kind: 'move'; pick: number; to: number }
  | { kind: 'text'; pick: number; value: string };

export function domMutation(
  attributes: readonly string[],
  values: readonly string[],
  options: { text?: boolean } = {},
): fc.Arbitrary<DomMutation> {
  const edits: fc.Arbitrary<DomMutation>[] = [
    fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
    fc.record({
      kind: fc.constant('attribute' as const),
      pick: fc.nat(),
      name: fc.constantFrom(...[...attributes]),
      value: fc.option(fc.constantFrom(...[...values]), { nil: null }),
    }),
    fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), to: fc.nat() }),
  ];
  if (options.text) {
    edits.push(fc.record({ kind: fc.constant('text' as const), pick: fc.nat(), value: fc.string({ maxLength: 40 }) }));
  }
  return fc.oneof(...edits);
}

export function mutate(doc: Document, mutations: readonly DomMutation[]): void {
  for (const m of mutations) {
    const elements = [...doc.body.querySelectorAll('*')];
    if (elements.length === 0) return;
    const element = elements[m.pick % elements.length] as Element;
    if (m.kind === 'remove') element.remove();
    else if (m.kind === 'attribute') {
      if (m.value === null) element.removeAttribute(m.name);
      else element.setAttribute(m.name, m.value);
    } else if (m.kind === 'text') element.textContent = m.value;
    else {
      const target = elements[m.to % elements.length] as Element;
      if (!element.contains(target)) target.append(element);
    }
  }
}
