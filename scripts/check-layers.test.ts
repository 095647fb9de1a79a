import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLayers, formatBreak, importsOf } from './check-layers.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

describe('layer check (ARCHITECTURE.md directions, issue 9 point 5)', () => {
  it('finds no layer break and no import cycle in the tree', () => {
    expect(checkLayers(root).map(formatBreak)).toEqual([]);
  });
});

describe('what the check reads and reports', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'layers-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const write = (files: Record<string, string>) => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(tmp, path)), { recursive: true });
      writeFileSync(join(tmp, path), text);
    }
  };

  it('reads static, type-only, re-exported and dynamic imports with their lines, never comments', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from './b.js';",
      "import { type C, type D } from './c.js';",
      '// import { x } from "./commented.js";',
      "export { e } from './e.js';",
      "const f = () => import('./f.js');",
      "type G = import('./g.js').G;",
    ].join('\n');
    expect(importsOf(text, 'x.ts')).toEqual([
      { spec: './a.js', line: 1, kind: 'value' },
      { spec: './b.js', line: 2, kind: 'type' },
      { spec: './c.js', line: 3, kind: 'type' },
      { spec: './e.js', line: 5, kind: 'value' },
      { spec: './f.js', line: 6, kind: 'dynamic' },
      { spec: './g.js', line: 7, kind: 'type' },
    ]);
  });

  it('names each break with its file and line', () => {
    const m = 'apps/server/src/modules';
    write({
      'packages/engine/src/index.ts':
        "import { readFileSync } from 'node:fs';\nimport { z } from '@jixiao/contracts';\n",
      'packages/contracts/src/index.ts': "import { z } from 'zod';\nimport { x } from 'yaml';\n",
      'apps/web/src/main.ts': "import { buildApp } from '../../server/src/app.js';\n",
      'apps/server/src/app.ts': 'export const buildApp = 1;\n',
      [`${m}/a/a.routes.ts`]: [
        "import { fileOf } from '../b/b.routes.js';",
        "import * as repo from './a.repository.js';",
        "import { planInScope } from '../b/b.policy.js';",
        "import * as svc from './a.service.js';",
        "import { b } from '../b/b.service.js';",
      ].join('\n'),
      [`${m}/a/a.repository.ts`]:
        "import { eq } from 'drizzle-orm';\nimport { t } from '../../db/schema/index.js';\n",
      [`${m}/a/a.service.ts`]: [
        "import type { Executor } from '../../db/client.js';",
        "import { t } from '../../db/schema/index.js';",
        "import { b } from '../b/b.service.js';",
      ].join('\n'),
      [`${m}/b/b.service.ts`]: "export const b = async () => (await import('../a/a.service.js')).x;\n",
      [`${m}/b/b.routes.ts`]: 'export const fileOf = 1;\n',
      [`${m}/b/b.policy.ts`]: 'export const planInScope = 1;\n',
      'apps/server/src/db/client.ts': 'export type Executor = 1;\n',
      'apps/server/src/db/schema/index.ts': "import { pgTable } from 'drizzle-orm/pg-core';\n",
    });
    expect(checkLayers(tmp).map(formatBreak)).toEqual([
      `${m}/a/a.routes.ts:1  route-imports-route  a route imports no other route (${m}/b/b.routes.ts); shared HTTP helpers live in platform/`,
      `${m}/a/a.routes.ts:2  route-imports-repository  a route calls a service, never a repository (${m}/a/a.repository.ts)`,
      `${m}/a/a.routes.ts:3  route-authorises  a route authorises by its access config and the service; no policy calls (${m}/b/b.policy.ts)`,
      `${m}/a/a.routes.ts:5  route-calls-other-module  a route calls its own module's services only (${m}/b/b.service.ts)`,
      `${m}/a/a.service.ts:2  drizzle  only *.repository.ts and src/db/** use Drizzle or the tables (apps/server/src/db/schema/index.ts)`,
      `${m}/a/a.service.ts:3  cycle  import cycle: ${m}/a/a.service.ts → ${m}/b/b.service.ts → ${m}/a/a.service.ts`,
      `${m}/b/b.service.ts:1  dynamic-import  dynamic import of ${m}/a/a.service.ts: move the shared piece down a layer or pass it in`,
      'apps/web/src/main.ts:1  workspace  web reaches into apps/server/src/app.ts by a relative path; import the workspace package',
      'packages/contracts/src/index.ts:2  workspace  contracts may import only zod, @jixiao/engine, not yaml',
      'packages/engine/src/index.ts:1  workspace  engine is pure: no node built-in (node:fs)',
      'packages/engine/src/index.ts:2  workspace  engine may import only its own files, not @jixiao/contracts',
    ]);
  });
});
