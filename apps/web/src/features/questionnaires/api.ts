import { type QuestionnaireCreate, questionnaireDetail } from '@jixiao/contracts';
import { z } from 'zod';
import { api } from '../../shared/api.js';
import { useGet } from '../../shared/useGet.js';

export const questionnaireKeys = {
  all: ['questionnaires'] as const,
  detail: (id: number) => ['questionnaires', 'detail', id] as const,
};

/** Every version of every questionnaire, oldest family first, versions in order. */
export function useQuestionnaires(enabled = true) {
  return useGet(questionnaireKeys.all, '/api/questionnaires', z.array(questionnaireDetail), { enabled });
}

export function useQuestionnaire(id: number | undefined) {
  return useGet(questionnaireKeys.detail(id ?? 0), `/api/questionnaires/${id}`, questionnaireDetail, {
    enabled: id !== undefined,
  });
}

/** Saving never edits a version: a new questionnaire, or the next version of `familyOf`'s family. */
export const saveQuestionnaire = (body: QuestionnaireCreate, familyOf?: number) =>
  familyOf === undefined
    ? api.post('/api/questionnaires', questionnaireDetail, body)
    : api.post(`/api/questionnaires/${familyOf}/versions`, questionnaireDetail, body);
