import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { translation } from '../i18n/resources.js';
import { notificationText } from './notifications.js';

async function tFor(lng: 'zh-CN' | 'en') {
  const i = i18next.createInstance();
  await i.init({
    lng,
    resources: { [lng]: { translation: translation(lng) } },
    interpolation: { escapeValue: false },
  });
  return i.t;
}

describe('notificationText', () => {
  const published = {
    title: '考评结果公示：市直 2026-Y',
    body: '（存档的中文）',
    message: {
      code: 'results.published',
      params: { plan: '市直', period: '2026-Y', from: '2026-12-01', to: '2026-12-07' },
    },
  };

  it('says a message of the system in the reader’s language', async () => {
    expect(notificationText(await tFor('en'), published)).toEqual({
      title: 'Results in publicity: 市直 2026-Y',
      body: "Publicity from 2026-12-01 to 2026-12-07; object to your unit's result within it.",
    });
    expect(notificationText(await tFor('zh-CN'), published).title).toBe('考评结果公示：市直 2026-Y');
  });

  it('shows what a person wrote as it is, in any language', async () => {
    const notice = { title: '督查通报', body: '请于周五前整改', message: null };
    expect(notificationText(await tFor('en'), notice)).toEqual({ title: '督查通报', body: '请于周五前整改' });
  });
});
