// A page saved with its shadow roots (`getHTML({ serializableShadowRoots: true })`)
// writes each as `<template shadowrootmode="open">`. Browsers attach those
// while parsing; DOM parsers without declarative shadow DOM (the command line's)
// get them attached here, so the adapters see the same tree either way.

export function attachDeclarativeShadowRoots(root: ParentNode): void {
  for (const template of [...root.querySelectorAll('template[shadowrootmode]')]) {
    const host = template.parentElement;
    const mode = template.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open';
    if (!host || host.shadowRoot) continue;
    let shadow: ShadowRoot;
    try {
      shadow = host.attachShadow({ mode });
    } catch {
      continue;
    }
    shadow.append((template as HTMLTemplateElement).content);
    template.remove();
    attachDeclarativeShadowRoots(shadow);
  }
}
