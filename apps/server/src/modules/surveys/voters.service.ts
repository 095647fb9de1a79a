import type { Ctx, Deps } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { fieldCipher } from '../../platform/field-crypto.js';
import { recordAudit } from '../audit/audit.service.js';
import { planInScope } from '../plans/plans.policy.js';
import * as repo from './surveys.repository.js';

/**
 * A named campaign's voters (issue 10 point 3): stored sealed, opened here for the office only, and
 * every opening is on the audit record (who looked, when, at which campaign; not the names).
 */
export async function campaignVoters(deps: Deps, ctx: Ctx, id: number) {
  return deps.database.db.transaction(async (tx) => {
    const c = await repo.findCampaign(tx, id);
    if (!c) throw notFound('Campaign');
    await planInScope(tx, ctx.actor!, c.planId, 'surveys.manage');
    const groups = new Map((await repo.listGroups(tx, id)).map((g) => [g.id, g.name]));
    const cipher = fieldCipher(deps.config.secret);
    const voters = (await repo.sealedVoters(tx, id)).map((r) => {
      const v = JSON.parse(cipher.open(r.voter)) as { name: string; contact: string };
      return {
        group: groups.get(r.groupId) ?? '',
        day: r.day,
        channel: r.channel,
        name: v.name,
        contact: v.contact,
      };
    });
    await recordAudit(deps, tx, ctx, {
      action: 'campaign.voters_read',
      objectType: 'survey_campaign',
      objectId: id,
      after: { voters: voters.length },
    });
    return voters;
  });
}
