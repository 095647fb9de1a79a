import { describe, expect, it } from 'vitest';
import { en, translation, zhCN } from './resources.js';

const keys = (o: object, p = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${p}${k}.`) : [`${p}${k}`]));

describe('the UI dictionaries', () => {
  it.each(Object.keys(zhCN))('%s has the same keys in zh-CN and en', (part) => {
    const name = part as keyof typeof zhCN;
    expect(keys(en[name]).sort()).toEqual(keys(zhCN[name]).sort());
  });

  it('no part overrides a key of another when merged', () => {
    const tops = Object.values(zhCN).flatMap((d) => Object.keys(d));
    expect(tops.length).toBe(new Set(tops).size);
    expect(keys(translation('en')).sort()).toEqual(keys(translation('zh-CN')).sort());
  });

  it.each(Object.keys(zhCN))('%s is merged into the bundle', (part) => {
    // A part listed in zhCN / en but not spread into translation() shows its keys as raw text.
    const merged = translation('zh-CN') as Record<string, unknown>;
    for (const top of Object.keys(zhCN[part as keyof typeof zhCN]))
      expect(merged, `${part}: ${top}`).toHaveProperty(top);
  });
});
