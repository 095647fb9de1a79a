import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { freshDatabase, testConfig } from './helpers.js';

/**
 * The web UI as the server sends it (issue 14): the build's compressed copies to browsers that take
 * them, hashed assets cached for a year, index.html revalidated on every visit, client routes
 * answered with index.html.
 */
describe('the web UI’s files', () => {
  const web = mkdtempSync(join(tmpdir(), 'jixiao-web-'));
  const script = 'console.log("绩效");\n'.repeat(200);
  const html = '<!doctype html><script type="module" src="/assets/index-abc123.js"></script>';
  let app: FastifyInstance;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), html);
    const asset = join(web, 'assets/index-abc123.js');
    writeFileSync(asset, script);
    writeFileSync(`${asset}.br`, brotliCompressSync(script));
    writeFileSync(`${asset}.gz`, gzipSync(script));
    const database = await freshDatabase();
    drop = database.drop;
    app = await buildApp({ database, config: testConfig({ dataDir: web }), logger: false, webDist: web });
  });
  afterAll(async () => {
    await app.close();
    await drop();
    rmSync(web, { recursive: true, force: true });
  });

  const get = (url: string, encoding?: string) =>
    app.inject({ url, headers: encoding ? { 'accept-encoding': encoding } : {} });

  it.each([
    ['br', 'br'],
    ['gzip, deflate', 'gzip'],
  ])('a hashed asset asked for with %s comes %s-compressed and cached for a year', async (accept, sent) => {
    const r = await get('/assets/index-abc123.js', accept);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-encoding']).toBe(sent);
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(r.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 10);
  });

  it('a browser that takes no compression gets the file as built', async () => {
    const r = await get('/assets/index-abc123.js');
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.body).toBe(script);
  });

  it('index.html and the client routes are revalidated on every visit', async () => {
    for (const url of ['/', '/results']) {
      const r = await get(url);
      expect(r.statusCode).toBe(200);
      expect(r.body).toBe(html);
      expect(r.headers['cache-control']).toBe('no-cache');
    }
  });
});
