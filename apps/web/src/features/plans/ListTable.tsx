/**
 * The form parts the plan-editor panels share: one editable list of the plan (categories, groups,
 * components, grade levels, rankings, awards, links, bonus sources, constraints) as a table with
 * the caller's columns, move / remove buttons and an add button, plus the columns most lists have.
 */
import { PlusOutlined } from '@ant-design/icons';
import type { Plan } from '@jixiao/engine';
import { Button, Input } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { CSSProperties, ReactNode } from 'react';
import { CompactTable } from '../../shared/CompactTable.js';
import { CodeInput, IssueText, ListActions } from './FormBits.js';
import { issuesAt, listAdd, listMove, listRemove, type Path } from './forms.js';
import type { RowIssue } from './tree.js';

export type ListColumn<T> = ColumnType<T>;

/** The dashed "add" button under a list. */
export function AddButton({
  onClick,
  children,
  testId,
}: {
  onClick: () => void;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Button
      size="small"
      type="dashed"
      icon={<PlusOutlined />}
      style={{ marginTop: 8 }}
      onClick={onClick}
      data-testid={testId}
    >
      {children}
    </Button>
  );
}

export function ListTable<T extends object>({
  doc,
  change,
  path,
  rows,
  columns,
  newItem,
  addLabel,
  testId,
  addTestId,
  movable,
  actionsWidth,
}: {
  doc: Plan;
  change: (p: Plan) => void;
  /** Where the list sits in the plan document. */
  path: Path;
  rows: readonly T[];
  columns: NoInfer<ListColumn<T>>[];
  /** The entry the add button appends. */
  newItem: () => unknown;
  addLabel: ReactNode;
  testId: string;
  addTestId?: string;
  /** Order matters (categories, groups, levels…): up / down buttons. */
  movable?: boolean;
  actionsWidth?: number;
}) {
  const actions: ListColumn<T> = {
    key: 'a',
    width: actionsWidth,
    render: (_, _r, i) => (
      <ListActions
        index={i}
        length={rows.length}
        onMove={movable ? (d) => change(listMove(doc, path, i, d)) : undefined}
        onRemove={() => change(listRemove(doc, path, i))}
      />
    ),
  };
  return (
    <>
      <CompactTable<T>
        data-testid={testId}
        rowKey={(_, i) => String(i)}
        dataSource={rows as T[]}
        columns={[...columns, actions]}
      />
      <AddButton testId={addTestId} onClick={() => change(listAdd(doc, path, newItem()))}>
        {addLabel}
      </AddButton>
    </>
  );
}

/** The code of an entry, committed on blur (a code used by a sibling is refused). */
export function codeColumn<T extends { code: string }>(
  title: ReactNode,
  rows: readonly T[],
  commit: (i: number, code: string) => void,
): ListColumn<T> {
  return {
    title,
    render: (_, r, i) => (
      <CodeInput value={r.code} taken={rows.map((x) => x.code)} onCommit={(v) => commit(i, v)} />
    ),
  };
}

/** The name of an entry, with the entry's issues under it when `issuesOf` is given (`rows` types the column). */
export function nameColumn<T extends { name: string }>(
  title: ReactNode,
  _rows: readonly T[],
  edit: (i: number, name: string) => void,
  opts: { style?: CSSProperties; issuesOf?: (i: number) => readonly RowIssue[] } = {},
): ListColumn<T> {
  return {
    title,
    render: (_, r, i) => (
      <>
        <Input style={opts.style} value={r.name} onChange={(e) => edit(i, e.target.value)} />
        {opts.issuesOf && <IssueText issues={opts.issuesOf(i)} />}
      </>
    ),
  };
}

/** The issues of each entry of the list at `prefix` (e.g. `groups` → `groups[2]…`). */
export function issuesColumn<T>(
  _rows: readonly T[],
  issues: readonly RowIssue[],
  prefix: string,
  width?: number,
): ListColumn<T> {
  return {
    key: 'issues',
    width,
    render: (_, _r, i) => <IssueText issues={issuesAt(issues, `${prefix}[${i}]`)} />,
  };
}
