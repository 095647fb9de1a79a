/**
 * Every rule a shipped template claims (templates/index.ts `rules`) has a test through that
 * template: a `describe('<RULE> …')` (or `describe('<RULE> / <RULE> …')`) in
 * templates/<id>.claims.test.ts. Claiming a rule without a test — or testing a rule the template
 * does not claim — fails here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { templates } from './index';

/** Rule IDs named at the start of the file's describe titles. */
function testedRules(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/describe\(\s*'([A-Z]\d+(?:\s*\/\s*[A-Z]\d+)*)\s/g))
    out.push(...m[1]!.split('/').map((s) => s.trim()));
  return out;
}

describe('template claims are tested', () => {
  it('the rule-ID reader', () => {
    expect(
      testedRules("describe('Z1 / Z13 multi-level', …); describe('W9 bonus', …); describe('plain', …)"),
    ).toEqual(['Z1', 'Z13', 'W9']);
  });

  for (const tpl of templates) {
    it(`${tpl.id}: ${tpl.rules.join(', ')}`, () => {
      const file = new URL(`./${tpl.id}.claims.test.ts`, import.meta.url);
      expect(existsSync(file), `${tpl.id}.claims.test.ts is missing`).toBe(true);
      const tested = new Set(testedRules(readFileSync(file, 'utf8')));
      const untested = tpl.rules.filter((r) => !tested.has(r));
      const unclaimed = [...tested].filter((r) => !tpl.rules.includes(r));
      expect(untested, 'claimed but not tested').toEqual([]);
      expect(unclaimed, 'tested but not claimed in templates/index.ts').toEqual([]);
    });
  }
});
