import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en as enAll, zhCN as zhAll } from '../../i18n/resources.js';
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES, actionLabel, objectTypeLabel } from './labels.js';

const en = enAll.common;
const zhCN = zhAll.common;

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: 'zh-CN',
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
});

describe('audit labels', () => {
  it.each(['zh-CN', 'en'])('names every recorded action and object type in %s', async (lng) => {
    await i18n.changeLanguage(lng);
    const t = i18n.t.bind(i18n) as Parameters<typeof actionLabel>[0];
    for (const a of AUDIT_ACTIONS) expect(actionLabel(t, a), a).not.toBe(a);
    for (const o of AUDIT_OBJECT_TYPES) expect(objectTypeLabel(t, o), o).not.toBe(o);
  });

  it('reads auth.login as 登录 and evaluation_run as 考评结果', async () => {
    await i18n.changeLanguage('zh-CN');
    const t = i18n.t.bind(i18n) as Parameters<typeof actionLabel>[0];
    expect(actionLabel(t, 'auth.login')).toBe('登录');
    expect(objectTypeLabel(t, 'evaluation_run')).toBe('考评结果');
  });

  it('falls back to the code for unknown codes and for branches', async () => {
    await i18n.changeLanguage('zh-CN');
    const t = i18n.t.bind(i18n) as Parameters<typeof actionLabel>[0];
    expect(actionLabel(t, 'auth.something_new')).toBe('auth.something_new');
    expect(actionLabel(t, 'auth')).toBe('auth');
    expect(objectTypeLabel(t, 'spaceship')).toBe('spaceship');
    expect(actionLabel(t, 'Weird Code!')).toBe('Weird Code!');
  });
});
