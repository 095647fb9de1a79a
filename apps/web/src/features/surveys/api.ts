import {
  type BallotAnswers,
  ballotAccepted,
  ballotForm,
  type CampaignCreate,
  campaignDetail,
  campaignList,
  campaignProgress,
  campaignResults,
  captchaChallenge,
  codesCreated,
  type Voter,
} from '@jixiao/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api.js';

export const surveyKeys = {
  campaigns: (planId: number) => ['surveys', 'campaigns', planId] as const,
  progress: (id: number) => ['surveys', 'progress', id] as const,
  results: (id: number) => ['surveys', 'results', id] as const,
};

export function useCampaigns(planId: number | undefined) {
  return useQuery({
    queryKey: surveyKeys.campaigns(planId ?? 0),
    queryFn: () => api.get('/api/survey-campaigns', campaignList, { planId }),
    enabled: planId !== undefined,
  });
}

export function useProgress(id: number) {
  return useQuery({
    queryKey: surveyKeys.progress(id),
    queryFn: () => api.get(`/api/survey-campaigns/${id}/progress`, campaignProgress),
    // Live while the page is open: ballots keep arriving during a campaign.
    refetchInterval: 30_000,
  });
}

export function useResults(id: number, enabled: boolean) {
  return useQuery({
    queryKey: surveyKeys.results(id),
    queryFn: () => api.get(`/api/survey-campaigns/${id}/results`, campaignResults),
    enabled,
  });
}

export const campaignStep = (id: number, action: 'open' | 'close' | 'reopen' | 'score', version: number) =>
  api.post(`/api/survey-campaigns/${id}/transitions`, campaignDetail, { action, version });

/** A new draft campaign, or a draft's change (groups replaced as a whole; optimistic version). */
export const createCampaign = (body: CampaignCreate) =>
  api.post('/api/survey-campaigns', campaignDetail, body);
export const updateCampaign = (id: number, body: Omit<CampaignCreate, 'planId'> & { version: number }) =>
  api.put(`/api/survey-campaigns/${id}`, campaignDetail, body);

export const issueCodes = (id: number, body: { groupId: number; perUnit: boolean; count: number }) =>
  api.post(`/api/survey-campaigns/${id}/codes`, codesCreated, body);

// The ballot page: public, the code always in the body (never in a URL the server sees).
export const openBallot = (code: string) =>
  api.post('/api/ballot/open', ballotForm, { code }, { skipAuthRedirect: true });
export const castBallot = (code: string, answers: BallotAnswers, voter?: Voter) =>
  api.post('/api/ballot', ballotAccepted, { code, answers, voter }, { skipAuthRedirect: true });

// The e-poll page (Z11): public; the device cookie comes with the form.
export const openPoll = (groupId: number, unit: string | null) =>
  api.get(`/api/poll/${groupId}`, ballotForm, unit ? { unit } : undefined, { skipAuthRedirect: true });
export const newCaptcha = () =>
  api.get('/api/poll/captcha', captchaChallenge, undefined, { skipAuthRedirect: true });
export const castPoll = (
  groupId: number,
  body: { unit?: string; answers: BallotAnswers; captcha: { token: string; answer: string }; voter?: Voter },
) => api.post(`/api/poll/${groupId}`, ballotAccepted, body, { skipAuthRedirect: true });
