import { chmodSync, existsSync, unlinkSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { join } from 'node:path';

/**
 * A Unix socket in the data dir through which CLI commands reach a running server that holds the
 * embedded database (a second process must never open it). File permissions (0600) are the auth.
 */
export const controlSocket = (dataDir: string) => join(dataDir, 'jixiao.sock');

export type ControlRequest = { cmd: 'backup'; file: string } | { cmd: 'verify-audit' };
export type ControlHandler = (req: ControlRequest) => Promise<unknown>;

export function listenControl(dataDir: string, handle: ControlHandler): Promise<Server> {
  const path = controlSocket(dataDir);
  if (existsSync(path)) unlinkSync(path);
  const server = createServer((sock) => {
    let buf = '';
    sock.setEncoding('utf8');
    sock.on('data', async (chunk) => {
      buf += chunk;
      const nl = buf.indexOf('\n');
      if (nl < 0) return;
      try {
        const result = await handle(JSON.parse(buf.slice(0, nl)) as ControlRequest);
        sock.end(`${JSON.stringify({ ok: true, result })}\n`);
      } catch (e) {
        sock.end(`${JSON.stringify({ ok: false, error: (e as Error).message })}\n`);
      }
    });
    sock.on('error', () => {});
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      chmodSync(path, 0o600);
      resolve(server);
    });
  });
}

export function sendControl(dataDir: string, req: ControlRequest): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const sock = createConnection(controlSocket(dataDir));
    let buf = '';
    sock.setEncoding('utf8');
    sock.on('connect', () => sock.write(`${JSON.stringify(req)}\n`));
    sock.on('data', (c) => {
      buf += c;
    });
    sock.on('end', () => {
      try {
        const res = JSON.parse(buf) as { ok: boolean; result?: unknown; error?: string };
        if (res.ok) resolve(res.result);
        else reject(new Error(res.error));
      } catch (e) {
        reject(e);
      }
    });
    sock.on('error', reject);
  });
}
