import { type Moves, stateMachine } from '../../platform/state-machine.js';

/**
 * A survey campaign's life (W11) as data: draft → open → closed → scored. The office opens a
 * campaign when its rater groups are set, closes it (or its close time passes), and scores it: a
 * recorded step whose result feeds the plan. A closed campaign may be reopened until it is scored;
 * a scored one may be scored again (late paper batches), never reopened. Pure: no clock, no database.
 */

export const campaignStatuses = ['draft', 'open', 'closed', 'scored'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];
export type CampaignAction = 'edit' | 'open' | 'close' | 'reopen' | 'score';

const moves: Moves<CampaignStatus, CampaignAction> = {
  edit: { from: ['draft'] },
  open: { from: ['draft'], to: 'open' },
  close: { from: ['open'], to: 'closed' },
  reopen: { from: ['closed'], to: 'open' },
  score: { from: ['closed', 'scored'], to: 'scored' },
};
export const campaignStep = stateMachine('survey.campaign_state', moves);

export interface CampaignWindow {
  status: CampaignStatus;
  opensAt: Date;
  closesAt: Date;
}

/** Whether a ballot may be cast now: the campaign is open and `now` is inside its times. */
export function ballotWindow(c: CampaignWindow, now: Date): 'open' | 'not_open' | 'closed' {
  if (c.status === 'draft') return 'not_open';
  if (c.status !== 'open') return 'closed';
  if (now.getTime() < c.opensAt.getTime()) return 'not_open';
  return now.getTime() <= c.closesAt.getTime() ? 'open' : 'closed';
}
