import type revisionNotesZhCN from './revision-notes.zh-CN.js';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** Plan revision notes (contracts `revisionNote`, one per code): the same keys as revision-notes.zh-CN.ts. */
const revisionNotesEn: Strings<typeof revisionNotesZhCN> = {
  revisionNote: {
    plan: {
      created: 'Created',
      from_template: 'Created from template {{templateId}}',
      cloned: 'Cloned from plan {{planId}} ({{year}})',
      imported: 'Imported from file {{fileName}}',
    },
    demo: {
      last_year: 'Demo data: last year’s plan',
      ad_hoc: 'Demo data: special-topic evaluation',
    },
    text: '{{text}}',
  },
};
export default revisionNotesEn;
