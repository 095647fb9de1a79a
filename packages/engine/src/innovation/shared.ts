/**
 * What the innovation files share. Problems with their input (a rubric, a judge's sheet, the
 * judges' scores, a configuration) have the plan validator's shape (`code`, `path`, an English
 * `message` for logs and the CLI) plus `params`, the ids and numbers the message names, so a
 * screen can render the code through its own template instead of the message.
 */
export interface InnovationIssue {
  /** Machine code, e.g. 'weights_sum', 'out_of_range', 'duplicate_score'. */
  code: string;
  /** Where: a JSON path into the input, e.g. 'criteria[2].max', 'scores[14]', 'config.trimAt'. */
  path: string;
  params: Record<string, string | number | null>;
  message: string;
}

/** Thrown by the innovation functions for input they cannot compute with; lists every issue. */
export class InnovationInputError extends Error {
  readonly issues: InnovationIssue[];
  constructor(issues: InnovationIssue[]) {
    super(
      `innovation input is invalid (${issues.length} issue(s)):\n${issues.map((i) => `- ${i.message}`).join('\n')}`,
    );
    this.name = 'InnovationInputError';
    this.issues = issues;
  }
}

/** Collects issues. */
export class Issues {
  readonly list: InnovationIssue[] = [];
  add(code: string, path: string, message: string, params: InnovationIssue['params'] = {}): void {
    this.list.push({ code, path, params, message });
  }
}

/** Ends a function that cannot go on with these issues. */
export function throwIfAny(issues: readonly InnovationIssue[]): void {
  if (issues.length > 0) throw new InnovationInputError([...issues]);
}

/** A whole number ≥ `min`, or an issue at `path`. */
export function checkCount(issues: Issues, path: string, value: number | undefined, min: number): void {
  if (value !== undefined && !(Number.isInteger(value) && value >= min))
    issues.add('config', path, `${path} must be a whole number ≥ ${min}`, { value, min });
}

/** Scores, points and caps must be finite numbers. */
export function finite(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** Codes in a fixed order (code points, not the locale's collation): outputs are listed by code. */
export function byCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Appends `item` to the list under `key`. */
export function push<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}
