import { type RevisionNote, revisionNote } from '@jixiao/contracts';
import { describe, expect, it } from 'vitest';
import i18n from '../../i18n/index.js';
import { revisionNoteText } from './revisionNote.js';

const zh = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en');

/** One note of every code the contract declares (a new code without a case here fails the test). */
const notes: Record<RevisionNote['code'], RevisionNote> = {
  'plan.created': { code: 'plan.created', params: {} },
  'plan.from_template': { code: 'plan.from_template', params: { templateId: 'wuxi-departments-2016' } },
  'plan.cloned': { code: 'plan.cloned', params: { planId: 1, year: 2025 } },
  'plan.imported': { code: 'plan.imported', params: { fileName: '方案.yaml' } },
  'demo.last_year': { code: 'demo.last_year', params: {} },
  'demo.ad_hoc': { code: 'demo.ad_hoc', params: {} },
  text: { code: 'text', params: { text: '调整 T1 分值' } },
};

describe('plan revision notes through i18n', () => {
  it('read in Chinese', () => {
    expect(revisionNoteText(notes['plan.cloned'], zh)).toBe('由方案 1（2025 年度）克隆');
    expect(revisionNoteText(notes['plan.created'], zh)).toBe('新建');
    expect(revisionNoteText(notes['plan.from_template'], zh)).toBe('由模板 wuxi-departments-2016 新建');
    expect(revisionNoteText(notes['plan.imported'], zh)).toBe('由文件 方案.yaml 导入');
    expect(revisionNoteText(notes['demo.last_year'], zh)).toBe('演示数据：上一年度方案');
    expect(revisionNoteText(notes['demo.ad_hoc'], zh)).toBe('演示数据：专项考评方案');
    expect(revisionNoteText(null, zh)).toBe('');
  });

  it('read in English', () => {
    expect(revisionNoteText(notes['plan.cloned'], en)).toBe('Cloned from plan 1 (2025)');
    expect(revisionNoteText(notes['plan.imported'], en)).toBe('Imported from file 方案.yaml');
  });

  it('show a user’s text and an old free-text note as they are', () => {
    expect(revisionNoteText(notes.text, zh)).toBe('调整 T1 分值');
    const old = { code: 'text', params: { text: 'cloned from plan 1 (2025)' } } as const;
    expect(revisionNoteText(old, zh)).toBe('cloned from plan 1 (2025)');
  });

  it('have a template for every code in both languages, with no Latin word in Chinese', () => {
    const codes = revisionNote.options.map((o) => o.shape.code.value);
    expect(codes.sort()).toEqual(Object.keys(notes).sort());
    for (const code of codes) {
      if (code === 'text') continue;
      expect(i18n.exists(`revisionNote.${code}`, { lng: 'zh-CN' }), code).toBe(true);
      expect(i18n.exists(`revisionNote.${code}`, { lng: 'en' }), code).toBe(true);
      // What the user typed or chose (a template id, a file name) is not a word of the UI.
      let words = revisionNoteText(notes[code], zh);
      for (const v of Object.values(notes[code].params)) words = words.split(String(v)).join(' ');
      expect(words.match(/[A-Za-z]{2,}/g), code).toBeNull();
    }
  });
});
