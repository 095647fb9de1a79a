import { satisfactionScale } from '@jixiao/contracts';
import { mulberry32, type Plan } from '@jixiao/engine';
import type { Executor } from '../db/client.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import { cstEnd, cstStart } from '../modules/periods/period-state.js';
import * as plansRepo from '../modules/plans/plans.repository.js';
import { ballotCodeHash, newBallotCodes, normaliseBallotCode } from '../modules/surveys/ballot-codes.js';
import * as commentsRepo from '../modules/surveys/comments.repository.js';
import * as paperRepo from '../modules/surveys/paper.repository.js';
import * as repo from '../modules/surveys/surveys.repository.js';
import { scoreCampaign } from '../modules/surveys/surveys.service.js';
import type { Ctx, Deps } from '../platform/context.js';

const YEAR = 2026;

/** 满意 / 基本满意 / 不满意, the scale of every Wuxi rater group (W11). */
const SATISFACTION = satisfactionScale;

/**
 * The rater groups of the Wuxi scheme (W11, S12), each scoring its own social-evaluation indicator
 * of the demo plan, with the minimum sample per unit. The service objects' questionnaire asks about
 * the unit's own work items (H7: its issued task book).
 */
const GROUPS = [
  {
    code: 'leaders',
    name: '四套班子领导',
    kind: 'leadership',
    indicator: 'S1',
    minSample: 5,
    form: 'leaders',
  },
  {
    code: 'deputies',
    name: '“两代表一委员”',
    kind: 'deputies',
    indicator: 'S2',
    minSample: 5,
    form: 'leaders',
  },
  { code: 'cadres', name: '普通干部', kind: 'cadres', indicator: 'S3', minSample: 8, form: 'leaders' },
  {
    code: 'service',
    name: '服务对象和基层群众',
    kind: 'service_objects',
    indicator: 'S4',
    minSample: 12,
    form: 'service',
  },
] as const;

/** A question scored on the satisfaction scale: one rating, or a matrix with a rating per row. */
const rating = (id: string, title: string) =>
  ({ id, type: 'rating', title, required: true, scored: true, scale: SATISFACTION }) as const;
const matrix = (id: string, title: string, rows: 'work_items' | 'units', required: boolean) =>
  ({
    id,
    type: 'matrix',
    title,
    required,
    scored: true,
    scale: SATISFACTION,
    rows: { source: rows },
  }) as const;
/** The closing open question of every form (its answers become comments, H9). */
const advice = { id: 'advice', type: 'text', title: '意见和建议', required: false, maxLength: 500 } as const;

const questionnaires = {
  leaders: [rating('overall', '对该单位全年工作的总体评价'), rating('style', '作风建设和服务效能'), advice],
  service: [
    rating('overall', '您对该单位的服务是否满意'),
    matrix('items', '该单位今年的重点工作，您的评价', 'work_items', false),
    advice,
  ],
  poll: [matrix('units', '您对以下窗口服务单位是否满意', 'units', true), advice],
};
const FORM_NAMES: Record<keyof typeof questionnaires, string> = {
  leaders: '社会评议表（领导和代表）',
  service: '服务对象满意度调查表',
  poll: '网上民意调查问卷',
};
/** The public e-poll (Z11) on ten window-service units, weighted apart within S4 (Shenzhen gave it 5 %). */
const POLL_UNITS = 10;
const POLL_BALLOTS = 60;

/**
 * Satisfaction evaluation of the city-department plan (issue 10 point 10): the mid-year campaign
 * closed and scored (it feeds S1–S4 of every evaluation from July until the year figures arrive),
 * and the year-end campaign open in December with its codes issued and part of the ballots in.
 * Ballots are stored as the ballot page stores them: the code used, the response under a random id.
 */
export async function seedSurveys(deps: Deps, tx: Executor, ctx: Ctx, systemId: number): Promise<void> {
  const plan = await plansRepo.findActivePlan(tx, systemId, YEAR);
  if (!plan) return;
  const leaves = new Set((plan.document as unknown as Plan).indicators.map((i) => i.code));
  if (!GROUPS.every((g) => leaves.has(g.indicator))) return;
  const systemUnits = await plansRepo.systemUnits(tx, systemId);
  const units = systemUnits.map((u) => u.id);
  const codeOf = new Map(systemUnits.map((u) => [u.id, u.code]));
  const forms: Record<string, number> = {};
  for (const [key, questions] of Object.entries(questionnaires)) {
    const q = await repo.insertQuestionnaire(tx, {
      name: FORM_NAMES[key as keyof typeof questionnaires],
      questions,
      createdBy: 'office',
    });
    await repo.setFamily(tx, q.id);
    forms[key] = q.id;
  }
  const rand = mulberry32(20260615);

  /** A campaign of the plan year, open from one Beijing day [month, day] to the end of another. */
  const campaign = async (
    name: string,
    kind: string,
    period: string,
    [m0, d0]: [number, number],
    [m1, d1]: [number, number],
    status: string,
    extra: Omit<Parameters<typeof repo.replaceGroups>[2][number], 'id'>[] = [],
  ) => {
    const opensAt = cstStart(YEAR, m0, d0);
    const closesAt = cstEnd(YEAR, m1, d1);
    const c = await repo.insertCampaign(tx, {
      planId: plan.id,
      name,
      kind,
      period,
      indicator: null,
      opensAt,
      closesAt,
      status,
      createdBy: 'office',
    });
    const groups = await repo.replaceGroups(tx, c.id, [
      ...GROUPS.map((g) => ({
        code: g.code,
        name: g.name,
        kind: g.kind,
        weight: 1,
        minSample: g.minSample,
        indicator: g.indicator,
        questionnaireId: forms[g.form]!,
        unitIds: units,
      })),
      ...extra,
    ]);
    await recordAudit(deps, tx, ctx, {
      action: 'campaign.create',
      objectType: 'survey_campaign',
      objectId: c.id,
      after: { name, period },
    });
    return { c, groups };
  };

  /** Codes per unit (the sample and a few spare), and `share` of each sample answered. */
  const fill = async (
    c: repo.CampaignRow,
    groups: repo.RaterGroupRow[],
    share: (unitIndex: number, group: string) => number,
    day: string,
  ) => {
    for (const g of groups) {
      const codes = newBallotCodes(units.length * (g.minSample + 3));
      const answered = new Set<string>();
      const rows = codes.map((code, i) => {
        const ui = Math.floor(i / (g.minSample + 3));
        const hash = ballotCodeHash(normaliseBallotCode(code)!);
        if (i % (g.minSample + 3) < Math.round(share(ui, g.code) * g.minSample)) answered.add(hash);
        return {
          campaignId: c.id,
          groupId: g.id,
          unitId: units[ui]!,
          codeHash: hash,
          batch: 1,
          used: answered.has(hash),
        };
      });
      await repo.insertCodes(tx, rows);
      // Each unit has its own standing; each ballot varies around it.
      const responses = rows
        .filter((r) => r.used)
        .map((r) => {
          const x = rand();
          const answer = x < 0.62 ? 'sat' : x < 0.93 ? 'basic' : 'unsat';
          const y = rand();
          const style = y < 0.55 ? 'sat' : y < 0.92 ? 'basic' : 'unsat';
          const value = { sat: 100, basic: 80, unsat: 0 };
          return {
            id: crypto.randomUUID(),
            campaignId: c.id,
            groupId: g.id,
            unitId: r.unitId,
            day,
            channel: 'code',
            answers: {
              overall: answer,
              [g.code === 'service' ? 'items' : 'style']: g.code === 'service' ? {} : style,
            },
            scores: {
              [String(r.unitId)]: g.code === 'service' ? value[answer] : (value[answer] + value[style]) / 2,
            },
          };
        });
      await repo.insertResponses(tx, responses);
    }
  };

  // Mid-year: every unit reached its sample except three short of service-object ballots.
  const mid = await campaign('2026 年年中社会评议', 'mid_year', `${YEAR}-H1`, [6, 15], [6, 30], 'closed');
  await fill(
    mid.c,
    mid.groups,
    (ui, g) => (g === 'service' && ui % 40 === 7 ? 0.5 : 1 + (ui % 3) / 12),
    `${YEAR}-06-28`,
  );
  await scoreCampaign(tx, mid.c);
  await repo.updateCampaign(tx, mid.c.id, mid.c.version, {
    status: 'scored',
    scoredAt: cstStart(YEAR, 7, 3),
    scoredBy: 'office',
  });
  await recordAudit(deps, tx, ctx, {
    action: 'campaign.score',
    objectType: 'survey_campaign',
    objectId: mid.c.id,
    after: { status: 'scored' },
  });
  await seedComments(tx, mid.c.id, systemUnits);

  // Year-end: open through December, 40 % to all of each sample in (a fifth of the units complete).
  const pollUnits = units.slice(0, POLL_UNITS);
  const end = await campaign('2026 年年终社会评议', 'year_end', `${YEAR}-Y`, [12, 1], [12, 31], 'open', [
    {
      code: 'epoll',
      name: '网上民调',
      kind: 'public',
      weight: 0.25,
      minSample: 0,
      indicator: 'S4',
      questionnaireId: forms.poll!,
      unitIds: pollUnits,
      channel: 'poll',
    },
    {
      code: 'hall',
      name: '政务大厅纸质问卷',
      kind: 'service_objects',
      weight: 0.5,
      minSample: 0,
      indicator: 'S4',
      questionnaireId: forms.service!,
      unitIds: units,
      channel: 'paper',
    },
  ]);
  const codeGroups = end.groups.filter((g) => g.channel === 'code');
  await fill(end.c, codeGroups, (ui) => Math.min(1, 0.4 + ((ui * 7) % 10) / 12), `${YEAR}-12-05`);
  await seedPaper(tx, end.c, end.groups.find((g) => g.channel === 'paper')!, units[0]!);
  // The e-poll's first ballots, one matrix over the ten units each.
  const poll = end.groups.find((g) => g.channel === 'poll')!;
  const value = { sat: 100, basic: 80, unsat: 0 } as const;
  await repo.insertResponses(
    tx,
    Array.from({ length: POLL_BALLOTS }, () => {
      const answers = Object.fromEntries(
        pollUnits.map((u, i) => {
          const x = rand() + i / 40;
          return [u, x < 0.55 ? 'sat' : x < 0.9 ? 'basic' : 'unsat'] as const;
        }),
      );
      return {
        id: crypto.randomUUID(),
        campaignId: end.c.id,
        groupId: poll.id,
        unitId: null,
        day: `${YEAR}-12-0${1 + Math.floor(rand() * 6)}`,
        channel: 'poll',
        answers: {
          units: Object.fromEntries(Object.entries(answers).map(([id, a]) => [codeOf.get(Number(id))!, a])),
        },
        scores: Object.fromEntries(Object.entries(answers).map(([id, a]) => [id, value[a]])),
      };
    }),
  );
}

/**
 * Paper questionnaires of the year-end campaign (Z3): the citizen centre's batch counted, and the
 * district hall's double-entry batch with one sheet whose two entries differ, for the office to resolve.
 */
async function seedPaper(tx: Executor, c: repo.CampaignRow, group: repo.RaterGroupRow, unitId: number) {
  const sheet = (overall: string) => ({ overall, items: {} });
  const counted = await paperRepo.insertBatch(tx, {
    campaignId: c.id,
    groupId: group.id,
    unitId,
    surveyPoint: '市民中心',
    status: 'counted',
    createdBy: 'surveyor',
    countedAt: cstStart(YEAR, 12, 4),
    countedBy: 'surveyor',
  });
  const answers = ['sat', 'sat', 'basic', 'sat', 'unsat', 'basic', 'sat', 'sat'];
  for (const [i, a] of answers.entries())
    await paperRepo.putSheet(tx, counted.id, i + 1, 'first', sheet(a), 'surveyor');
  const value = { sat: 100, basic: 80, unsat: 0 } as Record<string, number>;
  await repo.insertResponses(
    tx,
    answers.map((a) => ({
      id: crypto.randomUUID(),
      campaignId: c.id,
      groupId: group.id,
      unitId,
      day: `${YEAR}-12-04`,
      channel: 'paper',
      answers: sheet(a),
      scores: { [String(unitId)]: value[a]! },
    })),
  );
  const open = await paperRepo.insertBatch(tx, {
    campaignId: c.id,
    groupId: group.id,
    unitId,
    surveyPoint: '区政务服务大厅',
    doubleEntry: true,
    createdBy: 'surveyor',
  });
  for (const [seq, first, second] of [
    [1, 'sat', 'sat'],
    [2, 'basic', 'unsat'],
    [3, 'sat', 'sat'],
  ] as const) {
    await paperRepo.putSheet(tx, open.id, seq, 'first', sheet(first), 'surveyor');
    await paperRepo.putSheet(tx, open.id, seq, 'second', sheet(second), 'office');
  }
}

/** The office's topic rules (H9) and the mid-year comments in every state of their life. */
const TOPICS = [
  { code: 'efficiency', name: '办事效率', keywords: ['效率', '排队', '等待', '慢', '跑'] },
  { code: 'attitude', name: '服务态度', keywords: ['态度', '热情', '冷', '耐心'] },
  { code: 'openness', name: '政务公开', keywords: ['公开', '透明', '告知'] },
  { code: 'environment', name: '营商环境', keywords: ['企业', '营商', '审批'] },
];

async function seedComments(tx: Executor, campaignId: number, units: { id: number; code: string }[]) {
  await commentsRepo.replaceTopics(tx, TOPICS);
  const unit = (code: string) => units.find((u) => u.code === code)?.id ?? units[0]!.id;
  const at = (d: number) => cstStart(YEAR, 7, d);
  const rows = [
    { unit: null, topic: null, status: 'new', text: '希望各部门进一步提高服务水平' },
    { unit: 'B1-01', topic: 'environment', status: 'new', text: '企业投资项目审批环节还是偏多' },
    { unit: 'A01', topic: 'openness', status: 'dispatched', text: '信访举报处理进度希望能及时告知' },
    {
      unit: 'A01',
      topic: 'efficiency',
      status: 'answered',
      text: '窗口排队时间较长，高峰时段等待超过半小时',
      answer: '已增设 2 个窗口并推行预约办理，高峰等待降至 15 分钟以内',
    },
    {
      unit: 'B1-01',
      topic: 'attitude',
      status: 'returned',
      text: '个别工作人员解释政策不够耐心',
      answer: '已组织学习',
      note: '请写明具体整改措施和完成时限',
    },
    {
      unit: 'B2-01',
      topic: 'efficiency',
      status: 'closed',
      text: '执法检查能否合并，减少企业来回跑',
      answer: '推行“综合查一次”，同类检查合并进行',
      note: '措施具体，予以办结',
    },
  ];
  await commentsRepo.insertComments(
    tx,
    rows.map((r, i) => ({
      campaignId,
      unitId: r.unit ? unit(r.unit) : null,
      topic: r.topic,
      source: i % 2 ? 'paper' : 'code',
      text: r.text,
      status: r.status,
      answer: r.answer ?? null,
      answeredAt: r.answer ? at(20) : null,
      answeredBy: r.answer ? 'unitadmin' : null,
      officeNote: r.note ?? null,
      createdAt: at(3),
    })),
  );
}
