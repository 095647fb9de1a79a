import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestEnv, testApp } from './helpers.js';

type Operation = {
  description?: string;
  security?: unknown[];
  requestBody?: { content: Record<string, { schema?: unknown }> };
  parameters?: { in: string; name: string }[];
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  'x-access'?: unknown;
};
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

/** `/api/plans/:id/data` → `/api/plans/{id}/data`, as the document spells paths. */
const openapiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

describe('API document', () => {
  let env: TestEnv;
  let doc: Document;
  beforeAll(async () => {
    env = await testApp();
    const res = await env.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode, res.body).toBe(200);
    doc = res.json();
  });
  afterAll(() => env?.close());

  it('answers 200 with an OpenAPI 3 document, without a session', () => {
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths).length).toBeGreaterThan(10);
  });

  it('documents every registered route with its schemas and its access rule', () => {
    // The route table is filled by the app's onRoute hook: whatever routes exist today or are
    // added later, each must be in the document.
    expect(env.app.routeTable.length).toBeGreaterThan(10);
    const missing: string[] = [];
    const wrong: string[] = [];
    for (const r of env.app.routeTable) {
      const op = doc.paths[openapiPath(r.url)]?.[r.method.toLowerCase()];
      const name = `${r.method} ${r.url}`;
      if (!op) {
        missing.push(name);
        continue;
      }
      if (JSON.stringify(op['x-access']) !== JSON.stringify(r.access)) wrong.push(`${name}: x-access`);
      if (!op.description?.includes('Access:')) wrong.push(`${name}: access in the description`);
      if ('public' in r.access && !op.security) wrong.push(`${name}: public route without security []`);
      if (r.schemaParts.includes('body') && !op.requestBody?.content['application/json']?.schema)
        wrong.push(`${name}: request body schema`);
      if (r.schemaParts.includes('querystring') && !op.parameters?.some((p) => p.in === 'query'))
        wrong.push(`${name}: query parameters`);
      for (const [, p] of r.url.matchAll(/:(\w+)/g))
        if (!op.parameters?.some((x) => x.in === 'path' && x.name === p)) wrong.push(`${name}: path :${p}`);
      if (r.schemaParts.includes('response')) {
        const responses = Object.values(op.responses ?? {});
        if (!responses.some((x) => x.content && Object.values(x.content).some((c) => c.schema)))
          if (!Object.keys(op.responses ?? {}).every((code) => code === '204'))
            // 204-only routes document no content; anything else must carry its schema.
            wrong.push(`${name}: response schema`);
      }
    }
    expect(missing, 'routes missing from /api/openapi.json').toEqual([]);
    expect(wrong).toEqual([]);
  });

  it('documents no route that is not registered', () => {
    const registered = new Set(
      env.app.routeTable.map((r) => `${r.method.toLowerCase()} ${openapiPath(r.url)}`),
    );
    const extra = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .map((m) => `${m} ${path}`)
        .filter((k) => !registered.has(k)),
    );
    expect(extra).toEqual([]);
  });

  it('states the access rule, e.g. a permission and a public sign-in', () => {
    const login = doc.paths['/api/auth/login']?.post;
    expect(login?.['x-access']).toEqual({ public: true });
    expect(login?.security).toEqual([]);
    const withPermission = env.app.routeTable.find((r) => 'permission' in r.access)!;
    const op = doc.paths[openapiPath(withPermission.url)]![withPermission.method.toLowerCase()]!;
    expect(op.description).toContain((withPermission.access as { permission: string }).permission);
  });

  it('shows the document in swagger-ui at /api/docs', async () => {
    const html = await env.app.inject({ method: 'GET', url: '/api/docs' });
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('swagger-ui');
    expect(html.body).toContain('/api/docs/static/swagger-initializer.js');
    const init = await env.app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' });
    expect(init.statusCode).toBe(200);
    const json = await env.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(json.statusCode).toBe(200);
    expect(Object.keys(json.json().paths)).toEqual(Object.keys(doc.paths));
  });
});
