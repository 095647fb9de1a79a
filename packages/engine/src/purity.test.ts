import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('.', import.meta.url));
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });

describe('the engine is pure', () => {
  const sources = files(root).filter(
    (f) => !f.endsWith('test-helpers.ts') && !f.endsWith('test-fixtures.ts'),
  );
  it.each(sources.map((f) => [relative(root, f), f]))(
    '%s imports only engine files, no I/O, clock or randomness',
    (_, f) => {
      const text = readFileSync(f, 'utf8');
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
      for (const i of imports) {
        expect(i.startsWith('.'), `${i} is not a relative import`).toBe(true);
        const resolved = join(f, '..', i);
        expect(resolved.startsWith(join(root, '..')), `${i} leaves the engine package`).toBe(true);
      }
      const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(code).not.toMatch(/Math\.random|Date\.now|new Date|performance\.now|process\.|require\(/);
    },
  );
});
