import { SaveOutlined } from '@ant-design/icons';
import type { BonusBandInput, ScoringSettings, ScoringView } from '@jixiao/contracts';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useParams } from 'react-router';
import { isApiError } from '../../shared/api.js';
import { CompactTable } from '../../shared/CompactTable.js';
import { useFeedback } from '../../shared/feedback.js';
import { QueryState } from '../../shared/QueryState.js';
import { usePlan, usePlans } from '../plans/api.js';
import { ListActions, PctInput } from '../plans/FormBits.js';
import {
  getIn,
  issuesAt,
  listAdd,
  listMove,
  listRemove,
  nextCode,
  type Path,
  setIn,
} from '../plans/forms.js';
import { AddButton } from '../plans/ListTable.js';
import { PlanLabel } from '../plans/PlanPicker.js';
import { innovationApi, innovationKeys, useCall, useScoring } from './api.js';
import { Field, IssueText } from './IssueBits.js';
import {
  type CodedIssue,
  codedIssues,
  criterionPoints,
  type FieldIssue,
  rubricIssues,
  translatedIssues,
  weightsPct,
} from './scoring.js';

type Change = (path: Path, value: unknown) => void;

/** A number box bound to one path of the settings. */
function NumberAt({
  s,
  path,
  change,
  testId,
  ...props
}: {
  s: ScoringSettings;
  path: Path;
  change: Change;
  testId?: string;
  min?: number;
  max?: number;
  step?: number;
  disabled?: boolean;
  style?: React.CSSProperties;
}) {
  return (
    <InputNumber
      value={getIn(s, path) as number}
      onChange={(v) => change(path, v ?? undefined)}
      data-testid={testId}
      style={{ width: 110, ...props.style }}
      {...props}
    />
  );
}

/** The rubric: criteria (code, name, weight, range) with their full points, total and decimals. */
function RubricCard({
  s,
  change,
  set,
  issues,
  view,
}: {
  s: ScoringSettings;
  change: Change;
  set: (next: ScoringSettings) => void;
  issues: readonly FieldIssue[];
  view: ScoringView;
}) {
  const { t } = useFeedback();
  const locked = view.rubricLocked;
  const rows = s.rubric.criteria;
  const at = (i: number, f: string) => issuesAt(issues, `rubric.criteria[${i}].${f}`);
  const sum = weightsPct(rows);
  return (
    <Card size="small" title={t('innoScoring.rubric')} data-testid="scoring-rubric">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('innoScoring.rubricHelp')}
        </Typography.Paragraph>
        {locked && <Alert type="info" showIcon title={t('innoScoring.rubricLocked', { n: view.sheets })} />}
        <CompactTable
          data-testid="rubric-criteria"
          rowKey={(_, i) => String(i)}
          dataSource={[...rows]}
          columns={[
            {
              title: t('innoScoring.code'),
              key: 'code',
              render: (_, r, i) => (
                <>
                  <Input
                    value={r.code}
                    disabled={locked}
                    style={{ width: 100, fontFamily: 'monospace' }}
                    onChange={(e) => change(['rubric', 'criteria', i, 'code'], e.target.value.trim())}
                    data-testid={`criterion-code-${i}`}
                  />
                  <IssueText issues={at(i, 'code')} />
                </>
              ),
            },
            {
              title: t('innoScoring.name'),
              key: 'name',
              render: (_, r, i) => (
                <>
                  <Input
                    value={r.name}
                    disabled={locked}
                    style={{ width: 140 }}
                    onChange={(e) => change(['rubric', 'criteria', i, 'name'], e.target.value)}
                    data-testid={`criterion-name-${i}`}
                  />
                  <IssueText issues={at(i, 'name')} />
                </>
              ),
            },
            {
              title: t('innoScoring.weight'),
              key: 'weight',
              render: (_, r, i) => (
                <>
                  <PctInput
                    value={r.weight}
                    disabled={locked}
                    onChange={(v) => change(['rubric', 'criteria', i, 'weight'], v ?? 0)}
                  />
                  <IssueText issues={at(i, 'weight')} />
                </>
              ),
            },
            {
              title: t('innoScoring.min'),
              key: 'min',
              render: (_, _r, i) => (
                <NumberAt
                  s={s}
                  path={['rubric', 'criteria', i, 'min']}
                  change={change}
                  disabled={locked}
                  style={{ width: 80 }}
                />
              ),
            },
            {
              title: t('innoScoring.max'),
              key: 'max',
              render: (_, _r, i) => (
                <>
                  <NumberAt
                    s={s}
                    path={['rubric', 'criteria', i, 'max']}
                    change={change}
                    disabled={locked}
                    style={{ width: 80 }}
                  />
                  <IssueText
                    issues={issuesAt(issues, `rubric.criteria[${i}]`).filter(
                      (x) => x.path === `rubric.criteria[${i}]`,
                    )}
                  />
                </>
              ),
            },
            {
              title: t('innoScoring.full'),
              key: 'full',
              align: 'right',
              render: (_, r) => criterionPoints(s.rubric.total, r.weight),
            },
            {
              key: 'actions',
              render: (_, _r, i) =>
                locked ? null : (
                  <ListActions
                    index={i}
                    length={rows.length}
                    onMove={(d) => set(listMove(s, ['rubric', 'criteria'], i, d))}
                    onRemove={() => set(listRemove(s, ['rubric', 'criteria'], i))}
                  />
                ),
            },
          ]}
        />
        {!locked && (
          <AddButton
            testId="criterion-add"
            onClick={() =>
              set(
                listAdd(s, ['rubric', 'criteria'], {
                  code: nextCode(
                    rows.map((c) => c.code),
                    'c',
                  ),
                  name: '',
                  weight: 0,
                  min: 0,
                  max: 10,
                }),
              )
            }
          >
            {t('innoScoring.addCriterion')}
          </AddButton>
        )}
        <Typography.Text type={sum === 100 ? 'secondary' : 'danger'} data-testid="rubric-sum">
          {t('innoScoring.weightsSum', { sum })}
        </Typography.Text>
        <IssueText issues={issues.filter((i) => i.path === 'rubric.criteria' || i.path === 'rubric')} />
        <Space wrap size="large">
          <Field label={t('innoScoring.total')} issues={issues} path="rubric.total">
            <NumberAt s={s} path={['rubric', 'total']} change={change} disabled={locked} min={1} />
          </Field>
          <Field label={t('innoScoring.decimals')} issues={issues} path="rubric.decimals">
            <NumberAt s={s} path={['rubric', 'decimals']} change={change} disabled={locked} min={0} max={4} />
          </Field>
        </Space>
      </Space>
    </Card>
  );
}

/** The bonus: the plan and its bonus source, by what rank, and the rank bands. */
function BonusSettings({
  s,
  change,
  set,
  issues,
}: {
  s: ScoringSettings;
  change: Change;
  set: (next: ScoringSettings) => void;
  issues: readonly FieldIssue[];
}) {
  const { t } = useFeedback();
  const plans = usePlans();
  const plan = usePlan(s.bonus.planId ?? undefined);
  const sources =
    (plan.data?.document as { bonus?: { sources?: { code: string; name: string }[] } } | undefined)?.bonus
      ?.sources ?? [];
  const bands = s.bonus.table;
  return (
    <Card size="small" title={t('innoScoring.bonus')} data-testid="scoring-bonus">
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Field label={t('innoScoring.plan')} issues={issues} path="bonus.planId">
            <Select
              data-testid="bonus-plan"
              allowClear
              placeholder={t('innoScoring.noPlan')}
              value={s.bonus.planId ?? undefined}
              onChange={(v) =>
                set(setIn(setIn(s, ['bonus', 'planId'], v ?? null), ['bonus', 'source'], null))
              }
              options={(plans.data ?? [])
                .filter((p) => p.status === 'active')
                .map((p) => ({ value: p.id, label: <PlanLabel plan={p} />, title: `${p.year} ${p.name}` }))}
              style={{ width: '100%' }}
            />
          </Field>
        </Col>
        <Col xs={24} md={12}>
          <Field
            label={t('innoScoring.source')}
            issues={issues}
            path="bonus.source"
            help={t('innoScoring.sourceHelp')}
          >
            <Select
              data-testid="bonus-source"
              allowClear
              value={s.bonus.source ?? undefined}
              onChange={(v) => change(['bonus', 'source'], v ?? null)}
              options={sources.map((x) => ({ value: x.code, label: `${x.name}（${x.code}）` }))}
              style={{ width: '100%' }}
            />
          </Field>
        </Col>
      </Row>
      <Field label={t('innoScoring.rankOf')} issues={issues} path="bonus.rankOf">
        <Select
          value={s.bonus.rankOf}
          onChange={(v) => change(['bonus', 'rankOf'], v)}
          style={{ width: 180 }}
          options={(['top_ten', 'category'] as const).map((k) => ({
            value: k,
            label: t(`innoScoring.rankOfs.${k}`),
          }))}
        />
      </Field>
      <Typography.Text strong>{t('innoScoring.bands')}</Typography.Text>
      <CompactTable<BonusBandInput>
        data-testid="bonus-bands"
        rowKey={(_, i) => String(i)}
        dataSource={[...bands]}
        columns={[
          ...(['fromRank', 'toRank', 'points'] as const).map(
            (f): ColumnType<BonusBandInput> => ({
              title: t(`innoScoring.${f}`),
              key: f,
              render: (_, _r, i) => (
                <>
                  <NumberAt
                    s={s}
                    path={['bonus', 'table', i, f]}
                    change={change}
                    min={f === 'points' ? 0 : 1}
                    step={f === 'points' ? 0.1 : 1}
                    style={{ width: 90 }}
                    testId={`band-${f}-${i}`}
                  />
                  <IssueText issues={issuesAt(issues, `bonus.table[${i}].${f}`)} />
                </>
              ),
            }),
          ),
          {
            key: 'actions',
            render: (_, _r, i) => (
              <>
                <ListActions
                  index={i}
                  length={bands.length}
                  onMove={(d) => set(listMove(s, ['bonus', 'table'], i, d))}
                  onRemove={() => set(listRemove(s, ['bonus', 'table'], i))}
                />
                <IssueText
                  issues={issuesAt(issues, `bonus.table[${i}]`).filter((x) => x.path === `bonus.table[${i}]`)}
                />
              </>
            ),
          },
        ]}
      />
      <AddButton
        testId="band-add"
        onClick={() => {
          const last = bands.at(-1)?.toRank ?? 0;
          set(listAdd(s, ['bonus', 'table'], { fromRank: last + 1, toRank: last + 1, points: 0 }));
        }}
      >
        {t('innoScoring.addBand')}
      </AddButton>
      <IssueText issues={issues.filter((i) => i.path === 'bonus.table' || i.path === 'bonus')} />
    </Card>
  );
}

/**
 * The scoring settings of a call (office): the rubric (fixed once a sheet is in), the trimmed
 * mean and normalisation, the top ten's seats, rank → bonus points into a plan's bonus source, the
 * dispersion threshold and whether units see judges' names. The engine's checks run while typing;
 * the server's coded problems show at the fields they name.
 */
export default function ScoringSettingsPage() {
  const callId = Number(useParams().id);
  const { t, message, showError, queryClient: qc } = useFeedback();
  const call = useCall(callId);
  const view = useScoring(callId);
  const [draft, setDraft] = useState<ScoringSettings | null>(null);
  const [server, setServer] = useState<CodedIssue[]>([]);
  const save = useMutation({
    mutationFn: (s: ScoringSettings) =>
      innovationApi.saveScoring(callId, { ...s, version: view.data!.version }),
    onSuccess: (v) => {
      qc.setQueryData(innovationKeys.scoring(callId), v);
      setDraft(null);
      setServer([]);
      message.success(t('innoScoring.saved'));
    },
    onError: (e) => {
      const issues = isApiError(e) && e.code === 'VALIDATION_FAILED' ? codedIssues(e.details) : [];
      setServer(issues.filter((i) => i.path));
      showError(e);
    },
  });
  return (
    <QueryState query={view} also={[call]} testId="scoring">
      {(v) => {
        const s = draft ?? v.settings;
        const set = (next: ScoringSettings) => {
          setDraft(next);
          setServer([]);
        };
        const change: Change = (path, value) => set(setIn(s, path, value));
        const issues = translatedIssues(t, [...rubricIssues(s.rubric), ...server]);
        const edit = v.can.edit;
        return (
          <Form layout="vertical" disabled={!edit} component={false}>
            <Space
              orientation="vertical"
              style={{ width: '100%' }}
              size="middle"
              data-testid="innovation-scoring"
            >
              <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
                <Typography.Title level={4} style={{ margin: 0 }}>
                  {t('innoScoring.title', { title: call.data?.title ?? '' })}
                </Typography.Title>
                {edit && (
                  <Button
                    type="primary"
                    icon={<SaveOutlined />}
                    loading={save.isPending}
                    disabled={!draft}
                    onClick={() => save.mutate(s)}
                    data-testid="scoring-save"
                  >
                    {t('innoScoring.save')}
                  </Button>
                )}
              </Space>
              <RubricCard s={s} change={change} set={set} issues={issues} view={v} />
              <Card size="small" title={t('innoScoring.aggregation')} data-testid="scoring-aggregation">
                <Space wrap size="large">
                  <Field label={t('innoScoring.trimAt')} issues={issues} path="aggregation.trimAt">
                    <NumberAt
                      s={s}
                      path={['aggregation', 'trimAt']}
                      change={change}
                      min={1}
                      testId="agg-trimAt"
                    />
                  </Field>
                  <Field label={t('innoScoring.trim')} issues={issues} path="aggregation.trim">
                    <NumberAt
                      s={s}
                      path={['aggregation', 'trim']}
                      change={change}
                      min={0}
                      testId="agg-trim"
                    />
                  </Field>
                  <Field label={t('innoScoring.decimals')} issues={issues} path="aggregation.decimals">
                    <NumberAt s={s} path={['aggregation', 'decimals']} change={change} min={0} max={4} />
                  </Field>
                </Space>
                <Typography.Paragraph type="secondary" style={{ margin: '0 0 8px' }}>
                  {t('innoScoring.trimHelp', { trimAt: s.aggregation.trimAt, trim: s.aggregation.trim })}
                </Typography.Paragraph>
                <Field
                  label={t('innoScoring.normalise')}
                  issues={issues}
                  path="aggregation.normalise"
                  help={t('innoScoring.normaliseHelp')}
                >
                  <Switch
                    checked={s.aggregation.normalise}
                    onChange={(c) => change(['aggregation', 'normalise'], c)}
                    data-testid="agg-normalise"
                  />
                </Field>
                <Field
                  label={t('innoScoring.dispersionThreshold')}
                  issues={issues}
                  path="dispersion.threshold"
                >
                  <NumberAt s={s} path={['dispersion', 'threshold']} change={change} min={0} step={0.5} />
                </Field>
              </Card>
              <Card size="small" title={t('innoScoring.topTen')}>
                <Field label={t('innoScoring.topTenSize')} issues={issues} path="topTen.size">
                  <NumberAt s={s} path={['topTen', 'size']} change={change} min={1} testId="topten-size" />
                </Field>
                <IssueText issues={issuesAt(issues, 'topTen').filter((i) => i.path !== 'topTen.size')} />
              </Card>
              <BonusSettings s={s} change={change} set={set} issues={issues} />
              <Card size="small">
                <Field
                  label={t('innoScoring.publishJudges')}
                  issues={issues}
                  path="publishJudges"
                  help={t('innoScoring.publishJudgesHelp')}
                >
                  <Switch
                    checked={s.publishJudges}
                    onChange={(c) => change(['publishJudges'], c)}
                    data-testid="publish-judges"
                  />
                </Field>
              </Card>
            </Space>
          </Form>
        );
      }}
    </QueryState>
  );
}
