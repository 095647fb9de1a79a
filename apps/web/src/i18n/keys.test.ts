import { dictKeys } from '@jixiao/contracts';
import { describe, expect, it } from 'vitest';
import { en, translation, zhCN } from './resources.js';

describe('the UI dictionaries', () => {
  it.each(Object.keys(zhCN))('%s has the same keys in zh-CN and en', (part) => {
    const name = part as keyof typeof zhCN;
    expect(dictKeys(en[name]).sort()).toEqual(dictKeys(zhCN[name]).sort());
  });

  it('no part overrides a key of another when merged', () => {
    const tops = Object.values(zhCN).flatMap((d) => Object.keys(d));
    expect(tops.length).toBe(new Set(tops).size);
    expect(dictKeys(translation('en')).sort()).toEqual(dictKeys(translation('zh-CN')).sort());
  });

  it.each(Object.keys(zhCN))('%s is merged into the bundle', (part) => {
    // A part listed in zhCN / en but not spread into translation() shows its keys as raw text.
    const merged = translation('zh-CN') as Record<string, unknown>;
    for (const top of Object.keys(zhCN[part as keyof typeof zhCN]))
      expect(merged, `${part}: ${top}`).toHaveProperty(top);
  });
});
