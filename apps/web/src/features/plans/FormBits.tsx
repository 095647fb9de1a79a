import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ByScope, Plan } from '@jixiao/engine';
import { Button, Input, InputNumber, Select, Space, Tooltip } from 'antd';
import { type CSSProperties, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IssueField, IssueLines, type IssueWords } from '../../shared/IssueField.js';
import { byScopeRows, fromPct, issuesAt, rowsToByScope, type ScopeAmount, toPct } from './forms.js';
import { issueText, type RowIssue } from './tree.js';

/** The engine's plan issues in the reader's language; warnings in amber. */
function usePlanIssueWords(): IssueWords<RowIssue> {
  const { t } = useTranslation();
  return { text: (i) => issueText(i, t), warns: (i) => i.severity === 'warning' };
}

/** Validation messages shown right under what they name. */
export function IssueText({ issues, testId }: { issues: readonly RowIssue[]; testId?: string }) {
  return <IssueLines issues={issues} words={usePlanIssueWords()} testId={testId} />;
}

/** What every panel of the plan editor gets: the document, how to change it, its issues. */
export interface PanelProps {
  doc: Plan;
  change: (p: Plan) => void;
  issues: readonly RowIssue[];
}

/** A form row whose validation messages are the engine's issues at `path`. */
export function Field({
  label,
  issues,
  path,
  children,
  help,
}: {
  label: ReactNode;
  issues: readonly RowIssue[];
  path?: string;
  children: ReactNode;
  help?: ReactNode;
}) {
  const here = path ? issuesAt(issues, path) : [];
  return (
    <IssueField label={label} here={here} words={usePlanIssueWords()} help={help}>
      {children}
    </IssueField>
  );
}

/** A code field that commits on blur / Enter (a rename updates references, so not per keystroke). */
export function CodeInput({
  value,
  onCommit,
  taken,
  style,
  testId,
}: {
  value: string;
  onCommit: (next: string) => void;
  /** Codes already used by siblings: committing one of them is refused. */
  taken?: readonly string[];
  style?: CSSProperties;
  testId?: string;
}) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(value);
  }
  const clash = text.trim() !== value && (taken ?? []).includes(text.trim());
  const commit = () => {
    const v = text.trim();
    if (!v || clash || /[.\s]/.test(v)) setText(value);
    else if (v !== value) onCommit(v);
  };
  return (
    <Input
      value={text}
      status={clash || !text.trim() ? 'error' : undefined}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onPressEnter={commit}
      style={{ width: 110, fontFamily: 'monospace', ...style }}
      data-testid={testId}
    />
  );
}

/** A share 0–1 edited as a percentage. */
export function PctInput({
  value,
  onChange,
  style,
  disabled,
}: {
  value: number | undefined;
  onChange: (share: number | undefined) => void;
  style?: CSSProperties;
  disabled?: boolean;
}) {
  return (
    <InputNumber
      value={toPct(value)}
      disabled={disabled}
      min={0}
      max={100}
      step={1}
      suffix="%"
      style={{ width: 110, ...style }}
      onChange={(v) => onChange(fromPct(v as number | null))}
    />
  );
}

/** Up / down / remove buttons of an ordered list entry. */
export function ListActions({
  index,
  length,
  onMove,
  onRemove,
}: {
  index: number;
  length: number;
  onMove?: (delta: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Space size={0}>
      {onMove && (
        <>
          <Tooltip title={t('planForms.moveUp')}>
            <Button
              size="small"
              type="text"
              icon={<ArrowUpOutlined />}
              disabled={index === 0}
              onClick={() => onMove(-1)}
              data-testid="move-up"
            />
          </Tooltip>
          <Tooltip title={t('planForms.moveDown')}>
            <Button
              size="small"
              type="text"
              icon={<ArrowDownOutlined />}
              disabled={index === length - 1}
              onClick={() => onMove(1)}
              data-testid="move-down"
            />
          </Tooltip>
        </>
      )}
      <Tooltip title={t('planForms.remove')}>
        <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={onRemove} />
      </Tooltip>
    </Space>
  );
}

/** pointsBy / weightBy as a small editable table of (group or category, amount). */
export function ByScopeTable({
  value,
  onChange,
  options,
  disabled,
}: {
  value?: ByScope;
  onChange?: (by: ByScope | undefined) => void;
  options: { value: string; label: string }[];
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  // Rows being typed (a scope without an amount yet) live here until complete.
  const [draft, setDraft] = useState<ScopeAmount[] | null>(null);
  const rows = draft ?? byScopeRows(value);
  const emit = (next: ScopeAmount[]) => {
    const complete = next.every((r) => r.scope && typeof r.amount === 'number');
    setDraft(complete ? null : next);
    onChange?.(rowsToByScope(next));
  };
  const used = new Set(rows.map((r) => r.scope));
  return (
    <Space orientation="vertical" size={4} data-testid="by-scope-table">
      {rows.map((r, k) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
        <Space.Compact key={k}>
          <Select
            size="small"
            style={{ width: 170 }}
            value={r.scope || undefined}
            placeholder={t('planForms.structure.scope')}
            options={options.filter((o) => o.value === r.scope || !used.has(o.value))}
            onChange={(scope: string) => emit(rows.map((x, j) => (j === k ? { ...x, scope } : x)))}
            disabled={disabled}
          />
          <InputNumber
            size="small"
            style={{ width: 90 }}
            value={r.amount}
            min={0}
            onChange={(v) =>
              emit(rows.map((x, j) => (j === k ? { ...x, amount: typeof v === 'number' ? v : null } : x)))
            }
            disabled={disabled}
          />
          <Button
            size="small"
            icon={<DeleteOutlined />}
            onClick={() => emit(rows.filter((_, j) => j !== k))}
            disabled={disabled}
          />
        </Space.Compact>
      ))}
      <Button
        size="small"
        type="dashed"
        icon={<PlusOutlined />}
        onClick={() => setDraft([...rows, { scope: '', amount: null }])}
        disabled={disabled || used.size >= options.length}
      >
        {t('planForms.structure.by')}
      </Button>
    </Space>
  );
}
