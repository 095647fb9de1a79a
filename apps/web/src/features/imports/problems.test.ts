import type { ImportProblem } from '@jixiao/contracts';
import { dictKeys } from '@jixiao/contracts';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en as enAll, zhCN as zhAll } from '../../i18n/resources.js';
import {
  canConfirm,
  describeProblem,
  formatProblem,
  kindText,
  PROBLEM_CODES,
  rejectedProblems,
  sortProblems,
} from './problems.js';
import { importProblem as prob } from './test-fixtures.js';

const en = enAll.eventsImports;
const zhCN = zhAll.eventsImports;

const zh = i18next.createInstance();
const eng = i18next.createInstance();
beforeAll(async () => {
  await zh.init({
    lng: 'zh-CN',
    resources: { 'zh-CN': { translation: zhCN } },
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  await eng.init({
    lng: 'en',
    resources: { en: { translation: en } },
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
});
const tz = (k: string, p?: Record<string, string | number>) => zh.t(k, p ?? {});
const te = (k: string, p?: Record<string, string | number>) => eng.t(k, p ?? {});

describe('import problems in Chinese, naming row and column', () => {
  const lang = { zh: tz, en: te };
  // Each row: the code, the language, the problem's line, field and params, the text shown. The
  // server names a missing or doubled column by its code in the field and the params.
  it.each<[string, keyof typeof lang, number, string, ImportProblem['params'], string]>([
    ['not_a_number', 'zh', 5, 'value', { value: 'abc' }, '第 5 行「数值」列：“abc”不是数字'],
    ['not_a_number', 'en', 5, 'value', { value: 'abc' }, 'Row 5, column “value”: “abc” is not a number'],
    ['unknown_unit', 'zh', 3, 'unit', { unit: 'X99' }, '第 3 行「单位」列：单位“X99”不存在'],
    ['unknown_indicator', 'zh', 4, 'indicator', { indicator: 'Q9' }, '第 4 行「指标」列：方案中没有指标“Q9”'],
    [
      'unknown_column',
      'zh',
      1,
      'header',
      { column: '备注', index: 7 },
      '第 1 行（表头）：第 7 列“备注”不是模板中的列',
    ],
    ['empty_file', 'zh', 1, 'file', {}, '文件：文件是空的'],
    ['missing_column', 'zh', 1, 'value', { column: 'value' }, '第 1 行（表头）：缺少“数值”列'],
    ['duplicate_column', 'zh', 2, 'unit', { column: 'unit' }, '第 2 行（表头）：“单位”列出现了不止一次'],
    ['missing_column', 'en', 1, 'value', { column: 'value' }, 'Row 1 (header): column “value” is missing'],
    ['file_changed', 'zh', 0, 'file', {}, '文件：文件与预览时的不同，请重新预览'],
    ['period_closed', 'zh', 1, 'period', { period: '2026-M03' }, '文件：期间 2026-M03 已关闭，不能导入'],
    ['unreadable', 'zh', 0, 'file', { detail: 'bad zip' }, '文件：无法读取文件：bad zip'],
    [
      'wrong_period',
      'zh',
      9,
      'period',
      { period: '2026-M09', expected: '2026-M10' },
      '第 9 行「期间」列：期间“2026-M09”与导入期间 2026-M10 不一致',
    ],
    ['duplicate', 'zh', 6, 'row', { unit: 'A01', indicator: 'T1' }, '第 6 行：单位“A01”的指标“T1”重复出现'],
  ])('%s (%s)', (code, lng, line, field, params, text) => {
    expect(formatProblem(lang[lng], prob({ line, field, code, params }))).toBe(text);
  });
  it('a column the UI does not know keeps its own name; an unknown code shows the message', () => {
    expect(formatProblem(tz, prob({ field: '得分', code: 'brand_new', message: 'something new' }))).toBe(
      '第 5 行「得分」列：something new',
    );
    expect(describeProblem(prob({ code: 'brand_new', message: '' })).what).toEqual({
      key: 'imports.problem.other',
      params: { message: 'brand_new' },
    });
  });
  it('every code has a sentence in both languages, and the languages have the same keys', () => {
    expect(dictKeys(en).sort()).toEqual(dictKeys(zhCN).sort());
    const k = new Set(dictKeys(zhCN));
    for (const c of PROBLEM_CODES) expect(k.has(`imports.problem.${c}`)).toBe(true);
  });
});

describe('helpers', () => {
  it('labels row kinds, an empty kind as a value, unknown kinds raw', () => {
    expect(zh.t(kindText('').key)).toBe('数值');
    expect(zh.t(kindText('deduction').key)).toBe('扣分');
    expect(kindText('奖励')).toEqual({ key: 'imports.column.other', params: { name: '奖励' } });
  });
  it('sorts file problems first, then by line and column', () => {
    const s = sortProblems([
      prob({ line: 7, field: 'value' }),
      prob({ line: 2, field: 'value' }),
      prob({ line: 2, field: 'unit' }),
      prob({ line: 0, field: 'file' }),
    ]);
    expect(s.map((p) => `${p.line}:${p.field}`)).toEqual(['0:file', '2:unit', '2:value', '7:value']);
  });
  it('reads the problems of an IMPORT_REJECTED error', () => {
    expect(rejectedProblems({ code: 'IMPORT_REJECTED', details: [prob({})] })).toHaveLength(1);
    expect(
      rejectedProblems({ code: 'IMPORT_REJECTED', details: { problems: [prob({}), { nope: 1 }] } }),
    ).toHaveLength(1);
    expect(rejectedProblems({ code: 'FORBIDDEN', details: [{ path: 'unitId', message: 'x' }] })).toBeNull();
    // A refused hash: VALIDATION_FAILED carrying the file_changed problem.
    const changed = rejectedProblems({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'sha256', line: 1, field: 'file', code: 'file_changed', params: {}, message: 'm' }],
    });
    expect(changed?.map((p) => p.code)).toEqual(['file_changed']);
    expect(formatProblem(tz, changed![0]!)).toBe('文件：文件与预览时的不同，请重新预览');
    expect(rejectedProblems(null)).toBeNull();
  });
  it('confirms only a preview without problems that has rows', () => {
    expect(canConfirm({ problems: [], rows: 3 })).toBe(true);
    expect(canConfirm({ problems: [prob({})], rows: 3 })).toBe(false);
    expect(canConfirm({ problems: [], rows: 0 })).toBe(false);
    expect(canConfirm(undefined)).toBe(false);
  });
});
