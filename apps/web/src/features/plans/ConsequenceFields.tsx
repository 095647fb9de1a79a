import {
  type AwardRule,
  type BottomNRule,
  type ConsequenceAction,
  type ConsequenceRule,
  type ExcellenceQuotaRule,
  type Plan,
  STREAK_CONDITIONS,
  type StreakRule,
} from '@jixiao/engine';
import { InputNumber, Select, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeSelect } from '../../shared/CodeSelect.js';
import { actionCodes, levelOptions, withBasis, withCondition } from './consequenceForm.js';
import { Field, type PanelProps } from './FormBits.js';
import { codeOptions, issuesAt, nonEmpty, setIn } from './forms.js';
import { fieldColumns, type ListColumn, ListTable, withIssues } from './ListTable.js';

type LevelStep = NonNullable<ExcellenceQuotaRule['levels']>[number];
type StreakStep = NonNullable<ExcellenceQuotaRule['streaks']>[number];

/** What each kind's fields get: the panel's props, the rule and its place in `consequences`. */
interface RuleProps<R> extends PanelProps {
  rule: R;
  index: number;
}

const NUMBER = { style: { width: 110 } };
const WIDE = { width: 220 };

/** The fields of one rule that depend on its kind (code, name and ref are the card's). */
export function ConsequenceFields(props: RuleProps<ConsequenceRule>) {
  const { t } = useTranslation();
  const { rule } = props;
  switch (rule.kind) {
    case 'excellenceQuota':
      return <QuotaFields {...props} rule={rule} />;
    case 'bottomN':
      return <BottomNFields {...props} rule={rule} />;
    case 'streak':
      return <StreakFields {...props} rule={rule} />;
    case 'award':
      return <AwardFields {...props} rule={rule} />;
    case 'vetoBar':
      return (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('planForms.consequences.vetoHint')}
        </Typography.Paragraph>
      );
    default:
      return (
        <Typography.Paragraph type="warning" style={{ marginBottom: 0 }}>
          {t('planForms.consequences.unknownKind', { kind: String((rule as { kind: unknown }).kind) })}
        </Typography.Paragraph>
      );
  }
}

/** Setters and issue paths of the rule at `index`. */
function useRule({ doc, change, issues, index }: RuleProps<unknown>) {
  const { t } = useTranslation();
  const at = `consequences[${index}]`;
  return {
    c: (k: string) => t(`planForms.consequences.${k}`),
    at,
    set: (field: string, v: unknown) => change(setIn(doc, ['consequences', index, field], v)),
    replace: (rule: ConsequenceRule) => change(setIn(doc, ['consequences', index], rule)),
    /** The form row of `field` with the engine's issues at `consequences[i].field`. */
    field: (field: string, label: ReactNode, control: ReactNode) => (
      <Field key={field} label={label} issues={issues} path={`${at}.${field}`}>
        {control}
      </Field>
    ),
  };
}

function Row({ children }: { children: ReactNode }) {
  return (
    <Space wrap size={[16, 0]} align="start">
      {children}
    </Space>
  );
}

function QuotaFields(props: RuleProps<ExcellenceQuotaRule>) {
  const { doc, change, issues, rule, index } = props;
  const { c, at, field, set } = useRule(props);
  const levels = rule.levels ?? [];
  const streaks = rule.streaks ?? [];
  const levelsPath = ['consequences', index, 'levels'];
  const streaksPath = ['consequences', index, 'streaks'];
  const lv = fieldColumns<LevelStep>(doc, change, levelsPath);
  const st = fieldColumns<StreakStep>(doc, change, streaksPath);
  /** The level position of an entry, shown with the plan's grade there ("0 · 优秀"), its issues under it. */
  const levelColumn = <T extends { level: number }>(
    list: string,
    set: (i: number, v: number) => void,
  ): ListColumn<T> =>
    withIssues(
      {
        title: c('level'),
        render: (_, r, i) => (
          <Select
            data-testid="consequence-level"
            style={{ width: 150 }}
            value={r.level}
            options={levelOptions(doc, r.level)}
            onChange={(v: number) => set(i, v)}
          />
        ),
      },
      (i) => issuesAt(issues, `${at}.${list}[${i}].level`),
    );
  const stepColumn = <T extends object>(
    cols: ReturnType<typeof fieldColumns<T>>,
    list: string,
  ): ListColumn<T> =>
    withIssues(
      cols.number(c('step'), 'step' as keyof T & string, { ...NUMBER, step: 1, suffix: '%' }, 0),
      (i) => issuesAt(issues, `${at}.${list}[${i}].step`),
    );
  return (
    <>
      <Row>
        {field(
          'base',
          c('base'),
          <InputNumber
            data-testid="consequence-base"
            {...NUMBER}
            min={0}
            max={100}
            suffix="%"
            value={rule.base}
            onChange={(v) => set('base', v ?? 0)}
          />,
        )}
      </Row>
      <Typography.Text strong style={{ display: 'block' }}>
        {c('levels')}
      </Typography.Text>
      <ListTable<LevelStep>
        doc={doc}
        change={change}
        testId="consequence-levels"
        path={levelsPath}
        rows={levels}
        actionsWidth={40}
        addLabel={c('addLevel')}
        newItem={() => ({ level: 0, step: 0 })}
        columns={[
          levelColumn<LevelStep>('levels', (i, v) => lv.set(i, 'level', v)),
          stepColumn(lv, 'levels'),
        ]}
      />
      <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>
        {c('streaks')}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {c('streakHint')}
      </Typography.Text>
      <ListTable<StreakStep>
        doc={doc}
        change={change}
        testId="consequence-streaks"
        path={streaksPath}
        rows={streaks}
        actionsWidth={40}
        addLabel={c('addStreak')}
        newItem={() => ({ level: 0, years: 3, step: 0 })}
        columns={[
          levelColumn<StreakStep>('streaks', (i, v) => st.set(i, 'level', v)),
          withIssues(st.number(c('years'), 'years', { ...NUMBER, precision: 0 }, 0), (i) =>
            issuesAt(issues, `${at}.streaks[${i}].years`),
          ),
          stepColumn(st, 'streaks'),
          st.toggle(c('merit'), 'merit'),
        ]}
      />
    </>
  );
}

/** The rule's ranking: one of the plan's rankings, or none (within each group). */
function RankingSelect({
  doc,
  value,
  onChange,
}: {
  doc: Plan;
  value?: string;
  onChange: (v?: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      data-testid="consequence-ranking"
      allowClear
      style={WIDE}
      placeholder={t('planForms.rankings.withinGroup')}
      value={value}
      options={codeOptions(doc.rankings ?? [])}
      onChange={onChange}
    />
  );
}

/** What a bottom-N or streak rule's line says (the labels of the 结果运用 page's lines). */
function ActionSelect({ value, onChange }: { value: ConsequenceAction; onChange: (v: string) => void }) {
  return (
    <CodeSelect
      data-testid="consequence-action"
      style={WIDE}
      value={value}
      codes={actionCodes(value)}
      labels="consequences.code"
      onChange={onChange}
    />
  );
}

function BottomNFields(props: RuleProps<BottomNRule>) {
  const { rule } = props;
  const { c, field, set } = useRule(props);
  return (
    <Row>
      {field(
        'n',
        c('n'),
        <InputNumber
          data-testid="consequence-n"
          {...NUMBER}
          precision={0}
          value={rule.n}
          onChange={(v) => set('n', v ?? undefined)}
        />,
      )}
      {field(
        'ranking',
        c('ranking'),
        <RankingSelect doc={props.doc} value={rule.ranking} onChange={(v) => set('ranking', v)} />,
      )}
      {field('action', c('action'), <ActionSelect value={rule.action} onChange={(v) => set('action', v)} />)}
    </Row>
  );
}

function StreakFields(props: RuleProps<StreakRule>) {
  const { rule } = props;
  const { c, field, set, replace } = useRule(props);
  return (
    <Row>
      {field(
        'condition',
        c('condition'),
        <CodeSelect
          data-testid="consequence-condition"
          style={{ width: 160 }}
          value={rule.condition}
          codes={STREAK_CONDITIONS}
          labels="consequences.condition"
          onChange={(v) => replace(withCondition(rule, v))}
        />,
      )}
      {field(
        'years',
        c('years'),
        <InputNumber
          data-testid="consequence-years"
          {...NUMBER}
          precision={0}
          value={rule.years}
          onChange={(v) => set('years', v ?? undefined)}
        />,
      )}
      {rule.condition === 'bottom_n' &&
        field(
          'n',
          c('n'),
          <InputNumber
            data-testid="consequence-n"
            {...NUMBER}
            precision={0}
            value={rule.n}
            onChange={(v) => set('n', v ?? undefined)}
          />,
        )}
      {rule.condition === 'bottom_n' &&
        field(
          'ranking',
          c('ranking'),
          <RankingSelect doc={props.doc} value={rule.ranking} onChange={(v) => set('ranking', v)} />,
        )}
      {rule.condition === 'below_average' &&
        field(
          'average',
          c('average'),
          <CodeSelect
            data-testid="consequence-average"
            style={WIDE}
            value={rule.average ?? 'group'}
            codes={['group', 'all']}
            labels="planForms.consequences.averages"
            onChange={(v) => set('average', v === 'group' ? undefined : v)}
          />,
        )}
      {field('action', c('action'), <ActionSelect value={rule.action} onChange={(v) => set('action', v)} />)}
    </Row>
  );
}

function AwardFields(props: RuleProps<AwardRule>) {
  const { doc, rule } = props;
  const { c, field, set, replace } = useRule(props);
  return (
    <Row>
      {field(
        'basis',
        c('basis'),
        <CodeSelect
          data-testid="consequence-basis"
          style={WIDE}
          value={rule.basis}
          codes={['award', 'key_indicator', 'lead_unit']}
          labels="planForms.consequences.bases"
          onChange={(v) => replace(withBasis(rule, v, doc))}
        />,
      )}
      {rule.basis === 'award' &&
        field(
          'award',
          c('award'),
          <Select
            data-testid="consequence-award"
            style={WIDE}
            value={rule.award}
            options={codeOptions(doc.awards ?? [])}
            onChange={(v) => set('award', v)}
          />,
        )}
      {rule.basis === 'key_indicator' &&
        field(
          'indicators',
          c('indicators'),
          <Select
            data-testid="consequence-indicators"
            mode="multiple"
            style={{ width: 260, maxWidth: '100%' }}
            placeholder={c('keyIndicators')}
            value={rule.indicators ?? []}
            options={codeOptions(doc.indicators ?? [])}
            onChange={(v: string[]) => set('indicators', nonEmpty(v))}
          />,
        )}
      {rule.basis !== 'award' &&
        field(
          'within',
          c('within'),
          <CodeSelect
            data-testid="consequence-within"
            style={{ width: 160 }}
            value={rule.within ?? 'group'}
            codes={['group', 'all']}
            labels="planForms.consequences.withins"
            onChange={(v) => set('within', v === 'group' ? undefined : v)}
          />,
        )}
    </Row>
  );
}
