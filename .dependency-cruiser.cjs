// The house's folder boundaries, checked on every `npm test` (npm run lint).
// `npm run deps` prints the folder-to-folder import graph.
const BROWSER = '^(node_modules/(wxt|webextension-polyfill|@wxt-dev)/|wxt/browser$|#imports$)';
const STORAGE = '^(lib/store/|node_modules/dexie/)';
// Modules that write history or what the user decided: the background and its features' handlers only.
const WRITERS =
  '^(lib/background/|lib/features/[^/]+/background(\\.ts$|/)|lib/store/(ingest|pending-recompute|refile-senders)\\.ts$|lib/data/backup\\.ts$)';
// A feature's background side: its background.ts, and what only it uses beside it in background/.
const BACKGROUND_SIDE = '^(lib/background/|lib/features/[^/]+/background(\\.ts$|/)|entrypoints/background\\.ts$)';

module.exports = {
  forbidden: [
    {
      name: 'engine-pure',
      comment: 'The engine is plain TypeScript with an explicit clock: no DOM, browser API, storage or UI.',
      severity: 'error',
      from: { path: '^lib/engine/' },
      to: {
        path: '^(lib/(?!engine/)|components/|entrypoints/|node_modules/(dexie|react|react-dom|wxt|webextension-polyfill|happy-dom)/)|^(wxt/|#imports$)',
      },
    },
    {
      name: 'report-loads-no-zod',
      comment:
        "The command line's report loads only what it runs, and zod alone was most of its bundle: schemas stay where untrusted input enters (e.g. lib/engine/overrides-schema.ts), not on the report's path.",
      severity: 'error',
      from: { path: '^lib/cli/commands/report\\.ts$' },
      to: { path: '^node_modules/zod/', reachable: true },
    },
    {
      name: 'sites-pure',
      comment: 'Site extractors are pure functions of a page: no browser API, storage, messaging or UI.',
      severity: 'error',
      from: { path: '^lib/sites/' },
      to: {
        path: `${BROWSER}|${STORAGE}|^(lib/(background|content|features|messaging|ui|cli)/|components/|entrypoints/)`,
      },
    },
    {
      name: 'components-props-only',
      comment: "Components take props and render: data and browser calls belong to the pages' containers.",
      severity: 'error',
      from: { path: '^components/' },
      to: { path: `${BROWSER}|${STORAGE}|^(lib/(background|messaging/send)|lib/features/[^/]+/background)` },
    },
    {
      name: 'components-reach-no-storage',
      comment: 'Nothing a component imports reaches storage or a browser API either.',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: `${BROWSER}|${STORAGE}`, reachable: true },
    },
    {
      name: 'lib-not-components',
      comment:
        "Components are rendered by the pages; lib gives them data and never imports them (the badge's CSS aside).",
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: '^components/', pathNot: '\\.css$' },
    },
    {
      name: 'content-never-store',
      comment: 'Content scripts run in pages we do not control: they report to the background and never open storage.',
      severity: 'error',
      from: { path: '^(lib/content/|entrypoints/[^/]+\\.content)' },
      to: { path: `${STORAGE}|^lib/(background|features/[^/]+/background)`, reachable: true },
    },
    {
      name: 'only-background-writes',
      comment: 'Only the background writes history: its modules are imported by the background alone.',
      severity: 'error',
      from: { path: '^(lib|components|entrypoints)/', pathNot: `${BACKGROUND_SIDE}|^lib/(store|data)/` },
      to: { path: WRITERS },
    },
    {
      name: 'no-circular',
      comment: 'A cycle makes two modules one: merge them or move what they share.',
      severity: 'error',
      from: {},
      // A cycle of types alone costs nothing at run time.
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      // WXT's virtual module, resolved by its build.
      to: { couldNotResolve: true, pathNot: '^#imports$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(\\.output|\\.wxt)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
