import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../demo/server';

let server: DemoServer;

beforeAll(async () => {
  server = await startDemoServer({
    seed: 3,
    now: Date.UTC(2026, 10, 20, 12),
    routes: { 'crm.example.com': () => ({ status: 200, contentType: 'text/html', body: '<h1>CRM</h1>' }) },
  });
});
afterAll(() => server.close());

function get(host: string, pathName: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: pathName,
        servername: host,
        headers: { host },
        rejectUnauthorized: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('demo server', () => {
  it('serves each account’s Gmail page over HTTPS', async () => {
    const first = await get('mail.google.com', '/mail/u/0/');
    expect(first.status).toBe(200);
    expect(first.body).toContain('olena@brightpath.studio - Gmail');
    expect(first.body).toContain('tr class="zA');
    const second = await get('mail.google.com', '/mail/u/1/');
    expect(second.body).toContain('olena.kovalenko.design@gmail.com');
    expect((await get('mail.google.com', '/mail/')).status).toBe(200);
  });

  it('serves the page script and the mailbox for debugging', async () => {
    expect((await get('mail.google.com', '/__demo/app.js')).body).toContain('hashchange');
    expect(JSON.parse((await get('mail.google.com', '/__demo/mailbox.json')).body).seed).toBe(3);
  });

  it('dispatches other hosts to their routes and answers 404 elsewhere', async () => {
    expect((await get('crm.example.com', '/anything')).body).toBe('<h1>CRM</h1>');
    expect((await get('mail.google.com', '/mail/u/9/')).status).toBe(404);
    expect((await get('mail.google.com', '/favicon.ico')).status).toBe(204);
    expect((await get('mail.google.com', '/anything-else')).status).toBe(404);
  });
});
