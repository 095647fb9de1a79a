import {
  applyOutcome,
  defenceBoard,
  defenceSession,
  idParam,
  innovationResults,
  judgingView,
  projectClose,
  projectStage,
  resultsApply,
  scoreSheet,
  scoringUpdate,
  scoringView,
  sessionCreate,
  sessionStep,
  sessionUpdate,
  sheetInput,
} from '@jixiao/contracts';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { route, routes } from '../../platform/route.js';
import * as apply from './apply.service.js';
import * as board from './board.service.js';
import * as defence from './defence.service.js';
import * as judging from './judging.service.js';
import * as results from './results.service.js';
import * as settings from './scoring-settings.service.js';

/** Scoring innovation projects (issue 12 points 4–5): settings, sheets, defence sessions, results. */
export const innovationScoringRoutes = (deps: Deps) =>
  routes('innovation', [
    route({
      method: 'GET',
      url: '/api/innovation/calls/:id/scoring',
      access: 'innovation.read',
      summary: "The call's scoring settings: rubric, trimmed mean, top ten, rank → bonus, publishJudges",
      params: idParam,
      response: scoringView,
      handler: (r) => settings.getScoring(deps, r.ctx, r.params.id),
    }),
    route({
      method: 'PUT',
      url: '/api/innovation/calls/:id/scoring',
      access: 'innovation.manage',
      summary: 'Change the scoring settings (400 lists every problem; the rubric is fixed once sheets exist)',
      params: idParam,
      body: scoringUpdate,
      response: scoringView,
      handler: (r) => settings.updateScoring(deps, r.ctx, r.params.id, r.body),
    }),
    route({
      method: 'GET',
      url: '/api/innovation/calls/:id/judging',
      access: 'innovation.judge',
      summary:
        "The calling judge's projects of a call: rubric, own sheet, defence stage, whether a sheet is taken",
      params: idParam,
      response: judgingView,
      handler: (r) => judging.getJudging(deps, r.ctx, r.params.id),
    }),
    route({
      method: 'PUT',
      url: '/api/innovation/projects/:id/sheet',
      access: 'innovation.judge',
      summary:
        "A judge's score sheet of an assigned project (refused on conflict, before its turn, after close)",
      params: idParam,
      body: sheetInput,
      response: scoreSheet,
      handler: (r) => judging.putSheet(deps, r.ctx, r.params.id, r.body),
    }),
    route({
      method: 'POST',
      url: '/api/innovation/projects/:id/close',
      access: 'innovation.manage',
      summary: 'Close a project scored online (in no defence session): its sheets are locked',
      params: idParam,
      body: projectClose,
      response: projectStage,
      handler: (r) => defence.closeProject(deps, r.ctx, r.params.id, r.body.reason),
    }),
    route({
      method: 'GET',
      url: '/api/innovation/calls/:id/sessions',
      access: 'innovation.read',
      summary: "The call's defence sessions",
      params: idParam,
      response: z.array(defenceSession),
      handler: (r) => defence.listSessions(deps, r.ctx, r.params.id),
    }),
    route({
      method: 'POST',
      url: '/api/innovation/calls/:id/sessions',
      access: 'innovation.manage',
      summary: 'A defence session: running order, minutes per presentation, chair',
      params: idParam,
      body: sessionCreate,
      response: defenceBoard,
      status: 201,
      handler: (r) => defence.createSession(deps, r.ctx, r.params.id, r.body),
    }),
    route({
      method: 'PATCH',
      url: '/api/innovation/sessions/:id',
      access: 'innovation.manage',
      summary: 'Change title, minutes or chair; the running order while nothing started',
      params: idParam,
      body: sessionUpdate,
      response: defenceBoard,
      handler: (r) => defence.updateSession(deps, r.ctx, r.params.id, r.body),
    }),
    route({
      method: 'GET',
      url: '/api/innovation/sessions/:id/board',
      access: 'session',
      summary:
        'The live board (poll it): order, timer, sheets in, scores (names for the chair and office only)',
      params: idParam,
      response: defenceBoard,
      handler: (r) => board.getBoard(deps, r.ctx, r.params.id),
    }),
    route({
      method: 'POST',
      url: '/api/innovation/sessions/:id/steps',
      access: 'innovation.defence',
      summary: 'The chair or the office: present (timer starts), score, close (locks the sheets)',
      params: idParam,
      body: sessionStep,
      response: defenceBoard,
      handler: (r) => defence.stepSession(deps, r.ctx, r.params.id, r.body),
    }),
    route({
      method: 'POST',
      url: '/api/innovation/calls/:id/results',
      access: 'innovation.manage',
      summary:
        'Compute the results from the closed projects’ sheets: scores, ranks, top ten, dispersion, bonus',
      params: idParam,
      response: innovationResults,
      handler: (r) => results.computeCallResults(deps, r.ctx, r.params.id),
    }),
    route({
      method: 'GET',
      url: '/api/innovation/calls/:id/results',
      access: 'innovation.read',
      summary: 'The computed results: everything for office and leaders, a unit its own projects',
      params: idParam,
      response: innovationResults,
      handler: (r) => results.getResults(deps, r.ctx, r.params.id),
    }),
    route({
      method: 'POST',
      url: '/api/innovation/calls/:id/results/apply',
      access: 'innovation.manage',
      summary: 'Turn the bonus proposals into approved bonus events of the plan (again: replaces them)',
      params: idParam,
      body: resultsApply,
      response: applyOutcome,
      handler: (r) => apply.applyResults(deps, r.ctx, r.params.id, r.body.version),
    }),
  ]);
