import { explainTemplates, notificationTemplates, planIssueTemplates } from '@jixiao/contracts';
import cockpitEn from './locales/en/cockpit.json';
import commentsEn from './locales/en/comments.json';
import commonEn from './locales/en/common.json';
import consequencesEn from './locales/en/consequences.json';
import eventsImportsEn from './locales/en/events-imports.json';
import exportsEn from './locales/en/exports.json';
import hotlineEn from './locales/en/hotline.json';
import innovationEn from './locales/en/innovation.json';
import innovationScoringEn from './locales/en/innovation-scoring.json';
import inquiriesEn from './locales/en/inquiries.json';
import jobsEn from './locales/en/jobs.json';
import methodParamsEn from './locales/en/method-params.json';
import noticesEn from './locales/en/notices.json';
import objectionsEn from './locales/en/objections.json';
import paperEn from './locales/en/paper.json';
import plansEditorEn from './locales/en/plans-editor.json';
import publicationEn from './locales/en/publication.json';
import questionnairesEn from './locales/en/questionnaires.json';
import rectificationEn from './locales/en/rectification.json';
import resultsLoopEn from './locales/en/results-loop.json';
import revisionNotesEn from './locales/en/revision-notes.json';
import screenEn from './locales/en/screen.json';
import submissionsEn from './locales/en/submissions.json';
import surveysEn from './locales/en/surveys.json';
import taskbooksEn from './locales/en/taskbooks.json';
import cockpitZhCN from './locales/zh-CN/cockpit.json';
import commentsZhCN from './locales/zh-CN/comments.json';
import commonZhCN from './locales/zh-CN/common.json';
import consequencesZhCN from './locales/zh-CN/consequences.json';
import eventsImportsZhCN from './locales/zh-CN/events-imports.json';
import exportsZhCN from './locales/zh-CN/exports.json';
import hotlineZhCN from './locales/zh-CN/hotline.json';
import innovationZhCN from './locales/zh-CN/innovation.json';
import innovationScoringZhCN from './locales/zh-CN/innovation-scoring.json';
import inquiriesZhCN from './locales/zh-CN/inquiries.json';
import jobsZhCN from './locales/zh-CN/jobs.json';
import methodParamsZhCN from './locales/zh-CN/method-params.json';
import noticesZhCN from './locales/zh-CN/notices.json';
import objectionsZhCN from './locales/zh-CN/objections.json';
import paperZhCN from './locales/zh-CN/paper.json';
import plansEditorZhCN from './locales/zh-CN/plans-editor.json';
import publicationZhCN from './locales/zh-CN/publication.json';
import questionnairesZhCN from './locales/zh-CN/questionnaires.json';
import rectificationZhCN from './locales/zh-CN/rectification.json';
import resultsLoopZhCN from './locales/zh-CN/results-loop.json';
import revisionNotesZhCN from './locales/zh-CN/revision-notes.json';
import screenZhCN from './locales/zh-CN/screen.json';
import submissionsZhCN from './locales/zh-CN/submissions.json';
import surveysZhCN from './locales/zh-CN/surveys.json';
import taskbooksZhCN from './locales/zh-CN/taskbooks.json';

/**
 * The UI dictionaries: one JSON file per part of the app and language under locales/<lang>/.
 * zh-CN is the reference; en must have the same keys (its type says so when type-checking,
 * keys.test.ts at run time).
 */
export type Lang = 'zh-CN' | 'en';
export type Namespaces = typeof zhCN;

export const zhCN = {
  common: commonZhCN,
  plansEditor: plansEditorZhCN,
  notices: noticesZhCN,
  taskbooks: taskbooksZhCN,
  submissions: submissionsZhCN,
  methodParams: methodParamsZhCN,
  resultsLoop: resultsLoopZhCN,
  eventsImports: eventsImportsZhCN,
  revisionNotes: revisionNotesZhCN,
  surveys: surveysZhCN,
  paper: paperZhCN,
  comments: commentsZhCN,
  objections: objectionsZhCN,
  hotline: hotlineZhCN,
  jobs: jobsZhCN,
  questionnaires: questionnairesZhCN,
  consequences: consequencesZhCN,
  publication: publicationZhCN,
  rectification: rectificationZhCN,
  innovation: innovationZhCN,
  innovationScoring: innovationScoringZhCN,
  inquiries: inquiriesZhCN,
  cockpit: cockpitZhCN,
  screen: screenZhCN,
  exports: exportsZhCN,
};

export const en: Namespaces = {
  common: commonEn,
  plansEditor: plansEditorEn,
  notices: noticesEn,
  taskbooks: taskbooksEn,
  submissions: submissionsEn,
  methodParams: methodParamsEn,
  resultsLoop: resultsLoopEn,
  eventsImports: eventsImportsEn,
  revisionNotes: revisionNotesEn,
  surveys: surveysEn,
  paper: paperEn,
  comments: commentsEn,
  objections: objectionsEn,
  hotline: hotlineEn,
  jobs: jobsEn,
  questionnaires: questionnairesEn,
  consequences: consequencesEn,
  publication: publicationEn,
  rectification: rectificationEn,
  innovation: innovationEn,
  innovationScoring: innovationScoringEn,
  inquiries: inquiriesEn,
  cockpit: cockpitEn,
  screen: screenEn,
  exports: exportsEn,
};

/**
 * A method parameter's values that the explanation templates also name are taken from them
 * (one translation of each term).
 */
function methodParams(lang: Lang, own: Namespaces['methodParams']) {
  const terms = explainTemplates[lang].terms;
  const values = {
    ...own.methodParams.values,
    reference: terms.ref,
    basis: terms.basis,
    scope: terms.scope,
    sigma: terms.sigma,
  };
  return { methodParams: { ...own.methodParams, values } };
}

/** One i18next `translation` bundle: every part merged, with the engine's explanation templates. */
export function translation(lang: Lang) {
  const d: Namespaces = lang === 'en' ? en : zhCN;
  return {
    ...d.common,
    ...d.plansEditor,
    ...d.notices,
    ...d.taskbooks,
    ...d.submissions,
    explain: explainTemplates[lang],
    planIssue: planIssueTemplates[lang],
    notify: notificationTemplates[lang],
    ...methodParams(lang, d.methodParams),
    ...d.resultsLoop,
    ...d.eventsImports,
    ...d.revisionNotes,
    ...d.surveys,
    ...d.paper,
    ...d.comments,
    ...d.objections,
    ...d.hotline,
    ...d.jobs,
    ...d.questionnaires,
    ...d.consequences,
    ...d.publication,
    ...d.rectification,
    ...d.innovation,
    ...d.innovationScoring,
    ...d.inquiries,
    ...d.cockpit,
    ...d.screen,
    ...d.exports,
  };
}
