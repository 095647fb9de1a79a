/**
 * The form parts the plan-editor panels share: one editable list of the plan (categories, groups,
 * components, grade levels, rankings, awards, links, bonus sources, constraints) as a table with
 * the caller's columns, move / remove buttons and an add button, plus the columns most lists have.
 */
import { PlusOutlined } from '@ant-design/icons';
import type { Plan } from '@jixiao/engine';
import { Button, Input, InputNumber, type InputNumberProps, Select, type SelectProps, Switch } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { CSSProperties, ReactNode } from 'react';
import { CompactTable } from '../../shared/CompactTable.js';
import { CodeInput, IssueText, ListActions } from './FormBits.js';
import { issuesAt, listAdd, listMove, listRemove, nextCode, nonEmpty, type Path, setIn } from './forms.js';
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

/** The column with the entry's issues (say those at the field it edits) under each cell. */
export function withIssues<T>(
  column: ListColumn<T>,
  issuesOf: (i: number) => readonly RowIssue[],
): ListColumn<T> {
  const render = column.render;
  return {
    ...column,
    render: (v, r, i) => (
      <>
        {render?.(v, r, i) as ReactNode}
        <IssueText issues={issuesOf(i)} />
      </>
    ),
  };
}

/** A new coded entry for the list `rows`: the next free code with `prefix`, and `fields`. */
export const newCoded =
  (rows: readonly { code: string }[], prefix: string, fields: () => Record<string, unknown>) => () => ({
    code: nextCode(
      rows.map((x) => x.code),
      prefix,
    ),
    ...fields(),
  });

type Options = { value: string; label: string }[];

/**
 * Columns that each edit one field of the entries of the list at `path` (the shared form parts of
 * the plan-editor panels): a text with the entry's issues under it, a choice, several choices, a
 * number, a yes/no switch.
 */
export function fieldColumns<T extends object>(doc: Plan, change: (p: Plan) => void, path: Path) {
  const set = (i: number, field: keyof T & string, v: unknown) => change(setIn(doc, [...path, i, field], v));
  const get = (r: T, field: keyof T & string) => r[field] as never;
  return {
    set,
    /** A text (`trim`: without surrounding spaces), with the entry's issues under it when `issuesOf` is given. */
    text: (
      title: ReactNode,
      field: keyof T & string,
      opts: { style?: CSSProperties; trim?: boolean; issuesOf?: (i: number) => readonly RowIssue[] } = {},
    ): ListColumn<T> => ({
      title,
      render: (_, r, i) => (
        <>
          <Input
            style={opts.style}
            value={get(r, field)}
            onChange={(e) => set(i, field, opts.trim ? e.target.value.trim() : e.target.value)}
          />
          {opts.issuesOf && <IssueText issues={opts.issuesOf(i)} />}
        </>
      ),
    }),
    /** One choice (empty: not chosen). */
    select: (
      title: ReactNode,
      field: keyof T & string,
      options: Options | ((r: T) => Options),
      props: Omit<SelectProps, 'options' | 'value' | 'onChange' | 'mode'> = {},
    ): ListColumn<T> => ({
      title,
      render: (_, r, i) => (
        <Select
          {...props}
          // An empty code is "not chosen"; 0 is a choice like any other.
          value={get(r, field) === '' ? undefined : (get(r, field) ?? undefined)}
          onChange={(v) => set(i, field, v)}
          options={typeof options === 'function' ? options(r) : options}
        />
      ),
    }),
    /** Several choices, or free tags; an empty choice is left out of the document. */
    multi: (
      title: ReactNode,
      field: keyof T & string,
      props: Omit<SelectProps, 'value' | 'onChange'> & { mode: 'multiple' | 'tags' },
    ): ListColumn<T> => ({
      title,
      render: (_, r, i) => (
        <Select
          {...props}
          value={get(r, field) ?? []}
          onChange={(v: string[]) => set(i, field, nonEmpty(v))}
        />
      ),
    }),
    /** A number; `empty` is what a cleared input stores. */
    number: (
      title: ReactNode,
      field: keyof T & string,
      props: Omit<InputNumberProps, 'value' | 'onChange'> = {},
      empty?: number,
    ): ListColumn<T> => ({
      title,
      render: (_, r, i) => (
        <InputNumber {...props} value={get(r, field)} onChange={(v) => set(i, field, v ?? empty)} />
      ),
    }),
    /** A yes/no switch; "no" is left out of the document. */
    toggle: (title: ReactNode, field: keyof T & string): ListColumn<T> => ({
      title,
      render: (_, r, i) => (
        <Switch size="small" checked={!!get(r, field)} onChange={(v) => set(i, field, v || undefined)} />
      ),
    }),
  };
}
