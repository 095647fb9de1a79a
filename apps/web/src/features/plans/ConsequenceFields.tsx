import {
  type AwardRule,
  type BottomNRule,
  type ConsequenceAction,
  type ConsequenceRule,
  type ExcellenceQuotaRule,
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
import type { RowIssue } from './tree.js';

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

/** Setters, issue paths and the shared form rows of the rule at `index`. */
function useRule({ doc, change, issues, index }: RuleProps<unknown>) {
  const { t } = useTranslation();
  const c = (k: string) => t(`planForms.consequences.${k}`);
  const at = `consequences[${index}]`;
  const set = (field: string, v: unknown) => change(setIn(doc, ['consequences', index, field], v));
  /** The form row of `field` with the engine's issues at `consequences[i].field`. */
  const field = (name: string, label: ReactNode, control: ReactNode) => (
    <Field key={name} label={label} issues={issues} path={`${at}.${name}`}>
      {control}
    </Field>
  );
  return {
    c,
    at,
    set,
    field,
    replace: (rule: ConsequenceRule) => change(setIn(doc, ['consequences', index], rule)),
    /** A whole number (n, years); cleared, it is left out and the engine names it. */
    whole: (name: 'n' | 'years', value: number | undefined) =>
      field(
        name,
        c(name),
        <InputNumber
          data-testid={`consequence-${name}`}
          {...NUMBER}
          precision={0}
          value={value}
          onChange={(v) => set(name, v ?? undefined)}
        />,
      ),
    /** One of the plan's rankings, or none (within each group). */
    ranking: (value: string | undefined) =>
      field(
        'ranking',
        c('ranking'),
        <Select
          data-testid="consequence-ranking"
          allowClear
          style={WIDE}
          placeholder={t('planForms.rankings.withinGroup')}
          value={value}
          options={codeOptions(doc.rankings ?? [])}
          onChange={(v) => set('ranking', v)}
        />,
      ),
    /** Group (the default, left out of the document) or all units: a streak's average, an award's pool. */
    groupOrAll: (name: 'average' | 'within', value: 'group' | 'all' | undefined) =>
      field(
        name,
        c(name),
        <CodeSelect
          data-testid={`consequence-${name}`}
          style={WIDE}
          value={value ?? 'group'}
          codes={['group', 'all']}
          labels={`planForms.consequences.${name}s`}
          onChange={(v) => set(name, v === 'group' ? undefined : v)}
        />,
      ),
    /** What a bottom-N or streak rule's line says (the labels of the 结果运用 page's lines). */
    action: (value: ConsequenceAction) =>
      field(
        'action',
        c('action'),
        <CodeSelect
          data-testid="consequence-action"
          style={WIDE}
          value={value}
          codes={actionCodes(value)}
          labels="consequences.code"
          onChange={(v) => set('action', v)}
        />,
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
  const { rule } = props;
  const { c, field, set } = useRule(props);
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
            onChange={(v) => set('base', v ?? undefined)}
          />,
        )}
      </Row>
      <StepTable<LevelStep> {...props} list="levels" add="addLevel" newItem={() => ({ level: 0, step: 0 })} />
      <StepTable<StreakStep>
        {...props}
        list="streaks"
        add="addStreak"
        hint="streakHint"
        newItem={() => ({ level: 0, years: 3, step: 0 })}
        more={(cols, issuesOf) => [
          withIssues(cols.number(c('years'), 'years', { ...NUMBER, precision: 0 }, 0), issuesOf('years')),
          cols.toggle(c('merit'), 'merit'),
        ]}
      />
    </>
  );
}

/**
 * A quota rule's steps by level or by streak: the level (its position shown with the plan's grade
 * there, "0 · 优秀") and the step, then the `more` columns; each with its issues under it.
 */
function StepTable<T extends { level: number; step: number }>(
  props: RuleProps<ExcellenceQuotaRule> & {
    list: 'levels' | 'streaks';
    add: string;
    hint?: string;
    newItem: () => T;
    more?: (
      cols: ReturnType<typeof fieldColumns<T>>,
      issuesOf: (field: string) => (i: number) => readonly RowIssue[],
    ) => ListColumn<T>[];
  },
) {
  const { doc, change, issues, rule, index, list, add, hint, newItem, more } = props;
  const { c, at } = useRule(props);
  const path = ['consequences', index, list];
  const cols = fieldColumns<T>(doc, change, path);
  const issuesOf = (f: string) => (i: number) => issuesAt(issues, `${at}.${list}[${i}].${f}`);
  return (
    <>
      <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>
        {c(list)}
      </Typography.Text>
      {hint && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {c(hint)}
        </Typography.Text>
      )}
      <ListTable<T>
        doc={doc}
        change={change}
        testId={`consequence-${list}`}
        path={path}
        rows={(rule[list] ?? []) as unknown as T[]}
        actionsWidth={40}
        addLabel={c(add)}
        newItem={newItem}
        columns={[
          withIssues(
            {
              title: c('level'),
              render: (_, r, i) => (
                <Select
                  data-testid="consequence-level"
                  style={{ width: 150 }}
                  value={r.level}
                  options={levelOptions(doc, r.level)}
                  onChange={(v: number) => cols.set(i, 'level', v)}
                />
              ),
            },
            issuesOf('level'),
          ),
          withIssues(
            cols.number(c('step'), 'step', { ...NUMBER, step: 1, suffix: '%' }, 0),
            issuesOf('step'),
          ),
          ...(more?.(cols, issuesOf) ?? []),
        ]}
      />
    </>
  );
}

function BottomNFields(props: RuleProps<BottomNRule>) {
  const { rule } = props;
  const { whole, ranking, action } = useRule(props);
  return (
    <Row>
      {whole('n', rule.n)}
      {ranking(rule.ranking)}
      {action(rule.action)}
    </Row>
  );
}

function StreakFields(props: RuleProps<StreakRule>) {
  const { rule } = props;
  const { c, field, replace, whole, ranking, action, groupOrAll } = useRule(props);
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
      {whole('years', rule.years)}
      {rule.condition === 'bottom_n' && whole('n', rule.n)}
      {rule.condition === 'bottom_n' && ranking(rule.ranking)}
      {rule.condition === 'below_average' && groupOrAll('average', rule.average)}
      {action(rule.action)}
    </Row>
  );
}

function AwardFields(props: RuleProps<AwardRule>) {
  const { doc, rule } = props;
  const { c, field, set, replace, groupOrAll } = useRule(props);
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
      {rule.basis !== 'award' && groupOrAll('within', rule.within)}
    </Row>
  );
}
