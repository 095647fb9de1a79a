/**
 * Innovation projects (H10, issue 12): calls, projects, the expert pool and the judges — queries
 * and changes, typed by the contracts.
 */
import {
  type AutoAssign,
  applyOutcome,
  assignmentBoard,
  type CallCreate,
  type CallUpdate,
  defenceBoard,
  defenceSession,
  type ExpertInput,
  type ExpertUpdate,
  evidenceFile,
  expertImportPreview,
  expertImportResult,
  expertProfile,
  innovationCall,
  innovationProject,
  innovationResults,
  judgedProject,
  judgingView,
  type ManualAssign,
  type ProjectCreate,
  type ProjectUpdate,
  type ScoringUpdate,
  type SessionCreate,
  type SessionStep,
  type SessionUpdate,
  type SheetInput,
  scoreSheet,
  scoringView,
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
  scoring: (callId: number) => ['innovation', 'scoring', callId] as const,
  sessions: (callId: number) => ['innovation', 'sessions', callId] as const,
  defence: (sessionId: number) => ['innovation', 'defence', sessionId] as const,
  judging: ['innovation', 'judging'] as const,
  results: (callId: number) => ['innovation', 'results', callId] as const,
};

/** The live board and the judges' list refresh this often while a defence runs. */
export const DEFENCE_POLL_MS = 2000;

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

export const useScoring = (callId: number) =>
  useGet(innovationKeys.scoring(callId), `/api/innovation/calls/${callId}/scoring`, scoringView);
export const useSessions = (callId: number) =>
  useGet(
    innovationKeys.sessions(callId),
    `/api/innovation/calls/${callId}/sessions`,
    z.array(defenceSession),
  );
/** The defence board, polled every 2 s. */
export const useDefenceBoard = (sessionId: number) =>
  useGet(innovationKeys.defence(sessionId), `/api/innovation/sessions/${sessionId}/board`, defenceBoard, {
    poll: DEFENCE_POLL_MS,
  });
/** The signed-in judge's projects of a call with the rubric and their sheets (polled: the defence moves on). */
export const useJudging = (callId: number | undefined) =>
  useGet([...innovationKeys.judging, callId], `/api/innovation/calls/${callId}/judging`, judgingView, {
    poll: DEFENCE_POLL_MS,
    enabled: callId !== undefined,
  });
/** A call's results (none yet: 404, the page says so); `enabled` false for a caller who has none to see. */
export const useResults = (callId: number, enabled = true) =>
  useGet(innovationKeys.results(callId), `/api/innovation/calls/${callId}/results`, innovationResults, {
    enabled,
    silent: true,
  });

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
  saveScoring: (callId: number, body: ScoringUpdate) =>
    api.put(`/api/innovation/calls/${callId}/scoring`, scoringView, body),
  createSession: (callId: number, body: SessionCreate) =>
    api.post(`/api/innovation/calls/${callId}/sessions`, defenceBoard, body),
  updateSession: (sessionId: number, body: SessionUpdate) =>
    api.patch(`/api/innovation/sessions/${sessionId}`, defenceBoard, body),
  /** 开始陈述 / 进入评分 / 结束并锁定 on one project of the session. */
  stepSession: (sessionId: number, body: SessionStep) =>
    api.post(`/api/innovation/sessions/${sessionId}/steps`, defenceBoard, body),
  /** The judge's sheet of a project (a first one or a change). */
  saveSheet: (projectId: number, body: SheetInput) =>
    api.put(`/api/innovation/projects/${projectId}/sheet`, scoreSheet, body),
  computeResults: (callId: number) => api.post(`/api/innovation/calls/${callId}/results`, innovationResults),
  applyResults: (callId: number, version: number) =>
    api.post(`/api/innovation/calls/${callId}/results/apply`, applyOutcome, { version }),
};
