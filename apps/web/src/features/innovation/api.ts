/**
 * Innovation projects (H10, issue 12): calls, projects, the expert pool and the judges — queries
 * and changes, typed by the contracts.
 */
import {
  type AutoAssign,
  assignmentBoard,
  type CallCreate,
  type CallUpdate,
  type ExpertInput,
  type ExpertUpdate,
  evidenceFile,
  expertImportPreview,
  expertImportResult,
  expertProfile,
  innovationCall,
  innovationProject,
  judgedProject,
  type ManualAssign,
  type ProjectCreate,
  type ProjectUpdate,
} from '@jixiao/contracts';
import { z } from 'zod';
import { api } from '../../shared/api.js';
import { useGet } from '../../shared/useGet.js';

export const innovationKeys = {
  all: ['innovation'] as const,
  calls: ['innovation', 'calls'] as const,
  call: (id: number) => ['innovation', 'calls', id] as const,
  projects: (callId: number) => ['innovation', 'projects', callId] as const,
  experts: ['innovation', 'experts'] as const,
  board: (callId: number) => ['innovation', 'board', callId] as const,
  mine: ['innovation', 'mine'] as const,
};

export const useCalls = () => useGet(innovationKeys.calls, '/api/innovation/calls', z.array(innovationCall));
export const useCall = (id: number) =>
  useGet(innovationKeys.call(id), `/api/innovation/calls/${id}`, innovationCall);
export const useProjects = (callId: number) =>
  useGet(
    innovationKeys.projects(callId),
    `/api/innovation/calls/${callId}/projects`,
    z.array(innovationProject),
  );
export const useExperts = (enabled = true) =>
  useGet(innovationKeys.experts, '/api/innovation/experts', z.array(expertProfile), { enabled });
export const useBoard = (callId: number) =>
  useGet(innovationKeys.board(callId), `/api/innovation/calls/${callId}/assignments`, assignmentBoard);
export const useJudgedProjects = () =>
  useGet(innovationKeys.mine, '/api/innovation/my-projects', z.array(judgedProject));

const fileForm = (file: File) => {
  const form = new FormData();
  form.append('file', file);
  return form;
};

export const innovationApi = {
  createCall: (body: CallCreate) => api.post('/api/innovation/calls', innovationCall, body),
  updateCall: (id: number, body: CallUpdate) =>
    api.patch(`/api/innovation/calls/${id}`, innovationCall, body),
  stepCall: (id: number, action: 'open' | 'close', version: number) =>
    api.post(`/api/innovation/calls/${id}/steps`, innovationCall, { action, version }),
  createProject: (callId: number, body: ProjectCreate) =>
    api.post(`/api/innovation/calls/${callId}/projects`, innovationProject, body),
  updateProject: (id: number, body: ProjectUpdate) =>
    api.patch(`/api/innovation/projects/${id}`, innovationProject, body),
  attach: (id: number, file: File) =>
    api.upload(`/api/innovation/projects/${id}/attachments`, evidenceFile, fileForm(file)),
  createExpert: (body: Partial<ExpertInput>) => api.post('/api/innovation/experts', expertProfile, body),
  updateExpert: (id: number, body: ExpertUpdate) =>
    api.patch(`/api/innovation/experts/${id}`, expertProfile, body),
  /** Reads and checks an expert file; nothing is stored. */
  previewImport: (file: File) =>
    api.upload('/api/innovation/experts/import/preview', expertImportPreview, fileForm(file)),
  /** Adds every expert of the file, or none. */
  importExperts: (file: File) =>
    api.upload('/api/innovation/experts/import', expertImportResult, fileForm(file)),
  autoAssign: (callId: number, body: AutoAssign) =>
    api.post(`/api/innovation/calls/${callId}/assignments/auto`, assignmentBoard, body),
  addJudge: (callId: number, body: ManualAssign) =>
    api.post(`/api/innovation/calls/${callId}/assignments`, assignmentBoard, body),
  removeJudge: (assignmentId: number, reason: string) =>
    api.post(`/api/innovation/assignments/${assignmentId}/remove`, assignmentBoard, { reason }),
};
