import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Four projects: fast unit tests (fake browser, fake IndexedDB), the team
// server's integration tests (the real server on loopback, real Redis), end-to-end
// tests that drive the built extension in a real Chromium, and a short smoke
// suite of the Firefox build in Firefox ESR.
const ROOT = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['fake-indexeddb/auto'],
          environment: 'node',
          // The machine is shared and has two cores: tests get room, never a deadline. A test
          // that hangs still fails, with the line it waited on when it sets its own shorter wait.
          testTimeout: 120_000,
        },
      },
      {
        resolve: { alias: { '@': ROOT } },
        test: {
          name: 'team',
          include: ['test/team/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['fake-indexeddb/auto'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Each file starts its own servers on loopback; one at a time keeps the shared machine calm.
          fileParallelism: false,
        },
      },
      {
        // The extension's modules the end-to-end tests share (messages, engine) import each other by `@/`.
        resolve: { alias: { '@': ROOT } },
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias: { '@': ROOT } },
        test: {
          name: 'e2e-firefox',
          include: ['test/e2e-firefox/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
