import { explainTemplates } from '@jixiao/contracts';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.js';
import eventsImportsEn from './events-imports.en.js';
import eventsImportsZhCN from './events-imports.zh-CN.js';
import methodParamsEn from './method-params.en.js';
import methodParamsZhCN from './method-params.zh-CN.js';
import noticesEn from './notices.en.js';
import noticesZhCN from './notices.zh-CN.js';
import plansEditorEn from './plans-editor.en.js';
import plansEditorZhCN from './plans-editor.zh-CN.js';
import resultsLoopEn from './results-loop.en.js';
import resultsLoopZhCN from './results-loop.zh-CN.js';
import revisionNotesEn from './revision-notes.en.js';
import revisionNotesZhCN from './revision-notes.zh-CN.js';
import submissionsEn from './submissions.en.js';
import submissionsZhCN from './submissions.zh-CN.js';
import taskbooksEn from './taskbooks.en.js';
import taskbooksZhCN from './taskbooks.zh-CN.js';
import zhCN from './zh-CN.js';

export type Lang = 'zh-CN' | 'en';
export const LANG_STORAGE_KEY = 'jixiao.lang';

export function storedLang(): Lang {
  try {
    return localStorage.getItem(LANG_STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': {
      translation: {
        ...zhCN,
        ...plansEditorZhCN,
        ...noticesZhCN,
        ...taskbooksZhCN,
        ...submissionsZhCN,
        explain: explainTemplates['zh-CN'],
        ...methodParamsZhCN,
        ...resultsLoopZhCN,
        ...eventsImportsZhCN,
        ...revisionNotesZhCN,
      },
    },
    en: {
      translation: {
        ...en,
        ...plansEditorEn,
        ...noticesEn,
        ...taskbooksEn,
        ...submissionsEn,
        explain: explainTemplates.en,
        ...methodParamsEn,
        ...resultsLoopEn,
        ...eventsImportsEn,
        ...revisionNotesEn,
      },
    },
  },
  lng: storedLang(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function setLang(lang: Lang) {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

export default i18n;
