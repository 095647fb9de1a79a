import {
  ballotAccepted,
  ballotForm,
  ballotOpen,
  ballotSubmit,
  campaignCreate,
  campaignDetail,
  campaignList,
  campaignListQuery,
  campaignProgress,
  campaignResults,
  campaignTransition,
  campaignUpdate,
  codesCreate,
  codesCreated,
  idParam,
  questionnaireCreate,
  questionnaireDetail,
} from '@jixiao/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { ctxOf } from '../../platform/http.js';
import * as svc from './surveys.service.js';

const tags = ['surveys'];
const read = { access: { permission: 'surveys.read' as const } };
const manage = { access: { permission: 'surveys.manage' as const } };
const ballot = { access: { public: true as const } };

/** Satisfaction evaluation (issue 10): questionnaires, campaigns, codes, results and the public ballot. */
export const surveysRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/questionnaires',
      { config: manage, schema: { tags, response: { 200: z.array(questionnaireDetail) } } },
      (req) => svc.listQuestionnaires(deps, ctxOf(req)),
    );
    app.post(
      '/api/questionnaires',
      { config: manage, schema: { tags, body: questionnaireCreate, response: { 201: questionnaireDetail } } },
      async (req, reply) => reply.code(201).send(await svc.saveQuestionnaire(deps, ctxOf(req), req.body)),
    );
    app.get(
      '/api/questionnaires/:id',
      { config: manage, schema: { tags, params: idParam, response: { 200: questionnaireDetail } } },
      (req) => svc.getQuestionnaire(deps, ctxOf(req), req.params.id),
    );
    app.post(
      '/api/questionnaires/:id/versions',
      {
        config: manage,
        schema: {
          tags,
          summary: 'The next version of a questionnaire (versions are never edited in place)',
          params: idParam,
          body: questionnaireCreate,
          response: { 201: questionnaireDetail },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await svc.saveQuestionnaire(deps, ctxOf(req), req.body, req.params.id)),
    );
    app.get(
      '/api/survey-campaigns',
      { config: read, schema: { tags, querystring: campaignListQuery, response: { 200: campaignList } } },
      (req) => svc.listCampaigns(deps, ctxOf(req), req.query.planId),
    );
    app.post(
      '/api/survey-campaigns',
      { config: manage, schema: { tags, body: campaignCreate, response: { 201: campaignDetail } } },
      async (req, reply) => reply.code(201).send(await svc.createCampaign(deps, ctxOf(req), req.body)),
    );
    app.get(
      '/api/survey-campaigns/:id',
      { config: read, schema: { tags, params: idParam, response: { 200: campaignDetail } } },
      (req) => svc.getCampaign(deps, ctxOf(req), req.params.id),
    );
    app.put(
      '/api/survey-campaigns/:id',
      {
        config: manage,
        schema: { tags, params: idParam, body: campaignUpdate, response: { 200: campaignDetail } },
      },
      (req) => svc.updateCampaign(deps, ctxOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/survey-campaigns/:id/transitions',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Open, close, reopen or score a campaign (scoring writes its results for the plan)',
          params: idParam,
          body: campaignTransition,
          response: { 200: campaignDetail },
        },
      },
      (req) => svc.actOnCampaign(deps, ctxOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/survey-campaigns/:id/codes',
      {
        config: manage,
        schema: {
          tags,
          summary:
            'Issue one-person-one-code ballot codes for a rater group (returned once; only hashes are kept)',
          params: idParam,
          body: codesCreate,
          response: { 201: codesCreated },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await svc.issueCodes(deps, ctxOf(req), req.params.id, req.body)),
    );
    app.get(
      '/api/survey-campaigns/:id/results',
      { config: read, schema: { tags, params: idParam, response: { 200: campaignResults } } },
      (req) => svc.campaignResults(deps, ctxOf(req), req.params.id),
    );
    app.get(
      '/api/survey-campaigns/:id/progress',
      { config: read, schema: { tags, params: idParam, response: { 200: campaignProgress } } },
      (req) => svc.progressOf(deps, ctxOf(req), req.params.id),
    );
    // The ballot: public, the code in the body (never in a URL, so never in a log line).
    app.post(
      '/api/ballot/open',
      { config: ballot, schema: { tags, body: ballotOpen, response: { 200: ballotForm } } },
      (req) => svc.openBallot(deps, req.body.code, req.ip),
    );
    app.post(
      '/api/ballot',
      { config: ballot, schema: { tags, body: ballotSubmit, response: { 201: ballotAccepted } } },
      async (req, reply) => reply.code(201).send(await svc.castBallot(deps, req.body, req.ip)),
    );
  };
