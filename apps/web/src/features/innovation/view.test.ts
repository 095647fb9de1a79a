import { DEFAULT_INNOVATION_CATEGORIES } from '@jixiao/contracts';
import { describe, expect, it } from 'vitest';
import { categoriesText, categoryName, parseCategories, reasonText } from './view.js';

describe('innovation view model', () => {
  it('categories round-trip through the text box', () => {
    expect(parseCategories(categoriesText(DEFAULT_INNOVATION_CATEGORIES))).toEqual(
      DEFAULT_INNOVATION_CATEGORIES,
    );
    expect(parseCategories(' a|甲\n\nb：乙 丙\n')).toEqual([
      { code: 'a', name: '甲' },
      { code: 'b', name: '乙 丙' },
    ]);
  });
  it('names a category, or shows its code', () => {
    expect(categoryName(DEFAULT_INNOVATION_CATEGORIES, 'economy')).toBe('经济发展');
    expect(categoryName(DEFAULT_INNOVATION_CATEGORIES, 'gone')).toBe('gone');
  });
  it('an exclusion reason is a sentence key with its params', () => {
    expect(reasonText({ code: 'declared_conflict', params: { unit: 'u1' } })).toEqual({
      key: 'innovation.reason.declared_conflict',
      params: { unit: 'u1' },
    });
  });
});
