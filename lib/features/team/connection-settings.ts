import { z } from 'zod';
import { teamIdSchema } from '@/lib/team/documents';
import { memberIdOfToken } from './member-token';

// Where the member's team server is and the token that opens it. Kept in
// storage.local under one key only: never in a backup (those hold the
// database), never logged, never sent anywhere but to that server.

export const TEAM_CONNECTION_KEY = 'keepwarm-team-connection';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The server's WebSocket address from what the user typed: `wss://` (or
 * `https://`, taken as `wss://`); plain `ws://` only for a server on this machine,
 * where nothing crosses a network.
 */
export function serverUrl(address: string): string | undefined {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return undefined;
  }
  const loopback = LOOPBACK.has(url.hostname);
  if (url.protocol === 'https:') url.protocol = 'wss:';
  if (url.protocol === 'http:' && loopback) url.protocol = 'ws:';
  if (url.protocol !== 'wss:' && !(url.protocol === 'ws:' && loopback)) return undefined;
  if (url.username || url.password || url.search || url.hash) return undefined;
  return url.toString().replace(/\/$/, '');
}

/** The origin the browser is asked for when the user connects: that one host, nothing else. */
export function permissionOrigin(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol === 'wss:' ? 'https:' : 'http:'}//${hostname}/*`;
}

export const teamConnectionSchema = z.strictObject({
  url: z
    .string()
    .max(500)
    .refine((url) => serverUrl(url) === url, 'wss:// required, or ws:// to this machine'),
  teamId: teamIdSchema,
  token: z
    .string()
    .max(200)
    .refine((token) => memberIdOfToken(token) !== undefined, 'not a member token'),
});
export type TeamConnection = z.infer<typeof teamConnectionSchema>;

export interface LocalArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/** The stored connection, if any and still valid; anything else counts as none. */
export async function readConnection(local: LocalArea): Promise<TeamConnection | undefined> {
  const parsed = teamConnectionSchema.safeParse((await local.get(TEAM_CONNECTION_KEY))[TEAM_CONNECTION_KEY]);
  return parsed.success ? parsed.data : undefined;
}
