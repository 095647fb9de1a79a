/** The engine's input for one period: units, values and events. Plain JSON. */

export interface UnitInput {
  code: string;
  name?: string;
  /** Leaf group code (W8: A, B1, B2, C1, C2). */
  group: string;
  /** Optional; when given it must match the group's category. */
  category?: string;
}

/** Inputs of one unit for one indicator (or sub-item 'IND.SUB'). Absent fields are "not supplied". */
export interface ValueInput {
  unit: string;
  indicator: string;
  value?: number | null;
  target?: number | null;
  baseline?: number | null;
  baseValue?: number | null;
  peerValue?: number | null;
  peerBaseValue?: number | null;
  /** Expert panel scores. */
  scores?: number[];
}

export interface BonusInput {
  unit: string;
  source: string;
  points: number;
  reason?: string;
}

export interface DeductionInput {
  unit: string;
  points: number;
  reason: string;
  indicator?: string;
  /**
   * The component the deduction is attributed to (else the component of `indicator`). It comes
   * off that component only when the component says `deductions: { from: 'component' }`.
   */
  component?: string;
}

export interface VetoInput {
  unit: string;
  event: string;
  reason?: string;
}

export interface HalfYearInput {
  unit: string;
  /** The frozen half-year total (S9). */
  total: number;
}

export interface EvaluationInput {
  period: string;
  units: UnitInput[];
  values: ValueInput[];
  bonuses?: BonusInput[];
  deductions?: DeductionInput[];
  vetoes?: VetoInput[];
  halfYear?: HalfYearInput[];
}

export interface InputIssue {
  code: string;
  message: string;
  unit?: string;
  indicator?: string;
}

/** Thrown when the input cannot be evaluated (unknown codes, missing values under policy "error"). */
export class EvaluationInputError extends Error {
  readonly issues: InputIssue[];
  constructor(issues: InputIssue[]) {
    super(
      `evaluation input has ${issues.length} problem(s):\n${issues.map((i) => `- ${i.message}`).join('\n')}`,
    );
    this.name = 'EvaluationInputError';
    this.issues = issues;
  }
}
