import type { Page } from 'playwright-core';

/**
 * Opens the threads of a demo Gmail view one by one, as a user going through
 * their mail would, and comes back to the list: how Keepwarm learns on day one
 * without an import.
 */
export async function openThreadsOf(gmail: Page, view: 'inbox' | 'sent', count: number): Promise<number> {
  await gmail.evaluate((v) => {
    location.hash = `#${v}`;
  }, view);
  await gmail.waitForSelector('tr.zA[data-demo-token]');
  const tokens = await gmail.$$eval('tr.zA[data-demo-token]', (rows) =>
    rows.map((row) => row.getAttribute('data-demo-token') ?? ''),
  );
  const opened = tokens.slice(0, count);
  for (const token of opened) {
    await gmail.evaluate(
      ([v, t]) => {
        location.hash = `#${v}/${t}`;
      },
      [view, token] as const,
    );
    await gmail.waitForSelector('h2.hP');
  }
  await gmail.evaluate((v) => {
    location.hash = `#${v}`;
  }, view);
  await gmail.waitForSelector('tr.zA');
  return opened.length;
}
