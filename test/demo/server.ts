// The demo's web server: Gmail pages (and, through `routes`, any other host's
// pages) over HTTPS from 127.0.0.1. Chromium is told that those host names
// live here, so the extension runs on its real match patterns. The
// certificate is made in memory for each run and never written anywhere.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import { generate } from 'selfsigned';
import { z } from 'zod';
import { renderGmailHtml } from './gmail/render-page';
import { listResponse, threadsResponse } from './gmail/sync-data';
import { generateMailbox } from './mailbox/generate';
import type { DemoMailbox } from './mailbox/types';

export interface RouteResponse {
  status: number;
  contentType: string;
  body: string;
}

export type HostRoute = (request: IncomingMessage) => RouteResponse | Promise<RouteResponse>;

export interface DemoServerOptions {
  seed?: number;
  now?: number;
  mailbox?: DemoMailbox;
  host?: string;
  port?: number;
  /** Pages of other hosts, by host name, dispatched on the Host header. */
  routes?: Record<string, HostRoute>;
  /** Gmail's display time zone for dates on the pages; by default this machine's, as the browser's would be. */
  timeZone?: string;
}

export interface DemoServer {
  port: number;
  origin: string;
  mailbox: DemoMailbox;
  close(): Promise<void>;
}

const APP_PATH = '/__demo/app.js';
let appBundle: Promise<string> | undefined;

function bundleApp(): Promise<string> {
  appBundle ??= build({
    entryPoints: [path.join(import.meta.dirname, 'gmail/app.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]?.text ?? '');
  return appBundle;
}

const ACCOUNT_PATH = /^\/mail\/(?:u\/(\d+)\/?)?$/;
const SYNC_PATH = /^\/sync\/u\/(\d+)\/i\/(bv|fd)$/;
/** A sync request's body: the demo's own plain form of what Gmail asks in protocol buffers. */
const syncRequest = z.union([
  z.strictObject({
    view: z.string().max(40),
    param: z.string().max(200).optional(),
    page: z.number().int().min(1).max(1000),
  }),
  z.strictObject({ threadIds: z.array(z.string().regex(/^\d{1,25}$/)).max(100) }),
]);

async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += chunk;
  return body;
}

/** Gmail's sync endpoints: a thread list (`bv`) or threads (`fd`) in Gmail's own JSON, for the page's script. */
async function syncRoute(
  request: IncomingMessage,
  match: RegExpExecArray,
  mailbox: DemoMailbox,
): Promise<RouteResponse> {
  const account = mailbox.accounts[Number(match[1])];
  let body: unknown;
  try {
    body = JSON.parse(await readBody(request));
  } catch {
    body = undefined;
  }
  const parsed = syncRequest.safeParse(body);
  if (!account || request.method !== 'POST' || !parsed.success) {
    return { status: 400, contentType: 'text/plain', body: 'Bad sync request' };
  }
  const ask = parsed.data;
  const data =
    match[2] === 'bv' && 'view' in ask
      ? listResponse(account, ask)
      : match[2] === 'fd' && 'threadIds' in ask
        ? threadsResponse(account, ask.threadIds)
        : undefined;
  if (!data) return { status: 400, contentType: 'text/plain', body: 'Bad sync request' };
  return { status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify(data) };
}

async function gmailRoute(request: IncomingMessage, mailbox: DemoMailbox, timeZone: string): Promise<RouteResponse> {
  const url = new URL(request.url ?? '/', 'https://mail.google.com');
  if (url.pathname === APP_PATH) {
    return { status: 200, contentType: 'text/javascript; charset=utf-8', body: await bundleApp() };
  }
  if (url.pathname === '/favicon.ico') return { status: 204, contentType: 'image/x-icon', body: '' };
  if (url.pathname === '/__demo/mailbox.json') {
    return { status: 200, contentType: 'application/json', body: JSON.stringify(mailbox) };
  }
  const sync = SYNC_PATH.exec(url.pathname);
  if (sync) return syncRoute(request, sync, mailbox);
  const match = ACCOUNT_PATH.exec(url.pathname);
  const accountIndex = Number(match?.[1] ?? 0);
  if (!match || !mailbox.accounts[accountIndex]) {
    return { status: 404, contentType: 'text/plain', body: 'Not found' };
  }
  const hl = url.searchParams.get('hl');
  const language = hl === 'en' || hl === 'en-GB' || hl === 'uk' || hl === 'ru' ? hl : undefined;
  const layout = url.searchParams.get('layout') === 'vertical' ? 'vertical' : 'default';
  const body = renderGmailHtml(mailbox, {
    accountIndex,
    hash: '#inbox',
    timeZone,
    language,
    layout,
    scriptSrc: APP_PATH,
  });
  return { status: 200, contentType: 'text/html; charset=utf-8', body };
}

/** Starts the demo server; `close()` stops it. */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const now = options.now ?? Date.now();
  const mailbox = options.mailbox ?? generateMailbox({ seed: options.seed ?? 7, now });
  const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const hosts = ['mail.google.com', ...Object.keys(options.routes ?? {})];
  const pems = await generate([{ name: 'commonName', value: 'mail.google.com' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: hosts.map((value) => ({ type: 2, value })) }],
  });
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    const route = options.routes?.[host];
    try {
      const reply = route ? await route(request) : await gmailRoute(request, mailbox, timeZone);
      response.writeHead(reply.status, { 'content-type': reply.contentType, 'cache-control': 'no-store' });
      response.end(reply.body);
    } catch (error) {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(`Demo server error: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const server = createServer(
    { key: pems.private, cert: pems.cert },
    (request, response) => void handle(request, response),
  );
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    origin: `https://127.0.0.1:${port}`,
    mailbox,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
