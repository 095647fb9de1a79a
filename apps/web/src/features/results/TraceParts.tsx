import type { TraceStep } from '@jixiao/engine';
import { Descriptions, type DescriptionsProps, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { renderStep, renderSteps, type Translate, varLabel, varValue } from './formula.js';
import { fmtRaw } from './ranking.js';

/** Formulas and numbers are read in a monospaced face, figures aligned. */
export const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12 };
export const num = { fontVariantNumeric: 'tabular-nums' as const, whiteSpace: 'nowrap' as const };

/** A node's named inputs, each as `label = value`. */
export function Vars({ vars, t }: { vars: Record<string, number | string | null>; t: Translate }) {
  const entries = Object.entries(vars ?? {});
  if (entries.length === 0) return null;
  return (
    <Space size={[4, 4]} wrap>
      {entries.map(([k, v]) => (
        <Tag key={k} style={{ ...mono, marginInlineEnd: 0 }}>
          {varLabel(k, t)} = {varValue(v, t)}
        </Tag>
      ))}
    </Space>
  );
}

/** A total's arithmetic, its rounding and its value. */
export function Step({ step, t }: { step: TraceStep; t: Translate }) {
  return (
    <Space orientation="vertical" size={0}>
      <span style={mono}>{renderSteps(step.steps, t)}</span>
      <span style={{ ...mono, ...num }}>
        = {step.rounding ? renderStep(step.rounding, t) : fmtRaw(step.raw)} → <b>{step.value}</b>
      </span>
    </Space>
  );
}

/** A unit's bonus or deduction items ("none" when there are none), then their arithmetic. */
export function EventItems<T extends object>({
  items,
  columns,
  children,
}: {
  items: T[];
  columns: ColumnsType<T>;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      {items.length === 0 ? (
        t('trace.none')
      ) : (
        <Table<T>
          size="small"
          pagination={false}
          rowKey={(_, i) => String(i)}
          dataSource={items}
          columns={columns}
        />
      )}
      {children}
    </Space>
  );
}

/** Labelled rows of the explanation under the tree (base, bonus, deductions, total, other sources). */
export function TraceRows({ items }: { items: DescriptionsProps['items'] }) {
  return <Descriptions size="small" column={1} bordered style={{ marginTop: 12 }} items={items} />;
}
