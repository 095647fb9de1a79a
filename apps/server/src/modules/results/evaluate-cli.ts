import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  type EvaluationInput,
  EvaluationInputError,
  evaluate,
  type Plan,
  PlanValidationError,
  validatePlan,
} from '@jixiao/engine';
import { buildInputs, looksLikeJson, readDataFile } from '../imports/data-file.js';
import { PlanFileError, parsePlanFile } from '../plans/plan-file.js';

export const EVALUATE_USAGE = `jixiao evaluate --plan FILE --data FILE [--period P] [--json]
  plan: YAML or JSON (docs/plan-format.md); data: CSV, .xlsx or JSON rows, one row per value
  (unit, indicator, period, value, kind, reason, group, name), or the engine's JSON input object.
  Prints the ranked table per group, or with --json the full result with every unit's trace.`;

interface Io {
  out: (s: string) => void | Promise<void>;
  err: (s: string) => void;
}

/** Large outputs must be flushed before the CLI exits, or a pipe reader gets them cut short. */
const stdout = (s: string) =>
  new Promise<void>((done, fail) => process.stdout.write(`${s}\n`, (e) => (e ? fail(e) : done())));

const pad = (s: string, n: number) => {
  // CJK characters take two columns in a terminal.
  const w = [...s].reduce((a, c) => a + (/[\u1100-\uffff]/.test(c) ? 2 : 1), 0);
  return s + ' '.repeat(Math.max(0, n - w));
};

/** `jixiao evaluate`: score a plan file on a data file, no database. Returns the exit code. */
export async function runEvaluate(
  argv: string[],
  io: Io = { out: stdout, err: console.error },
): Promise<number> {
  let values: { plan?: string; data?: string; period?: string; json?: boolean };
  try {
    values = parseArgs({
      args: argv,
      options: {
        plan: { type: 'string' },
        data: { type: 'string' },
        period: { type: 'string' },
        json: { type: 'boolean' },
      },
    }).values;
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${EVALUATE_USAGE}`);
    return 2;
  }
  if (!values.plan || !values.data) {
    io.err(`evaluate needs --plan and --data\n\n${EVALUATE_USAGE}`);
    return 2;
  }
  let plan: Plan;
  try {
    plan = parsePlanFile(readFileSync(values.plan)).document as unknown as Plan;
  } catch (e) {
    io.err(`${values.plan}: ${e instanceof PlanFileError ? e.message : (e as Error).message}`);
    return 1;
  }
  const issues = validatePlan(plan);
  if (issues.length > 0) {
    io.err(`${values.plan}: the plan is invalid (${issues.length} problem(s)):`);
    for (const i of issues) io.err(`  ${i.path}${i.indicator ? ` [${i.indicator}]` : ''}: ${i.message}`);
    return 1;
  }

  let input: EvaluationInput;
  try {
    const buf = readFileSync(values.data);
    // JSON (told by the content): the engine's input object as it is, or an array of rows.
    const json = looksLikeJson(buf)
      ? (JSON.parse(buf.toString('utf8').replace(/^\uFEFF/, '')) as unknown)
      : undefined;
    if (json !== undefined && !Array.isArray(json)) input = json as EvaluationInput;
    else {
      const file = await readDataFile(buf);
      const fail = (problems: { line: number; message: string }[]) => {
        for (const p of problems)
          io.err(
            `${values.data}: ${p.message.startsWith('line ') ? p.message : `line ${p.line}: ${p.message}`}`,
          );
        return 1;
      };
      if (file.problems.length > 0) return fail(file.problems);
      if (file.units.length === 0)
        return fail([
          { line: 1, message: 'no units: give each unit its group in a "group" column or a "units" sheet' },
        ]);
      const { problems, inputs } = buildInputs(plan, file.units, file.rows);
      if (problems.length > 0) return fail(problems);
      const periods = [...inputs.keys()].sort();
      const period = values.period ?? (periods.length === 1 ? periods[0] : undefined);
      if (!period) {
        io.err(
          `${values.data}: the file holds several periods (${periods.join(', ')}); choose one with --period`,
        );
        return 1;
      }
      const p = inputs.get(period);
      if (!p) {
        io.err(`${values.data}: no rows for period ${period} (the file has ${periods.join(', ') || 'none'})`);
        return 1;
      }
      input = { ...p, units: file.units };
    }
  } catch (e) {
    io.err(`${values.data}: ${(e as Error).message}`);
    return 1;
  }
  if (values.period && input.period !== values.period) input = { ...input, period: values.period };

  let result: ReturnType<typeof evaluate>;
  try {
    result = evaluate(plan, input);
  } catch (e) {
    if (e instanceof EvaluationInputError || e instanceof PlanValidationError) {
      io.err(e.message);
      return 1;
    }
    throw e;
  }

  if (values.json) {
    const traces = Object.fromEntries(result.units.map((u) => [u.unit, result.trace(u.unit)]));
    await io.out(
      JSON.stringify(
        {
          planId: result.planId,
          period: result.period,
          mode: result.mode,
          decimals: result.decimals,
          units: result.units,
          rankings: result.rankings,
          awards: result.awards,
          traces,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  const d = result.decimals;
  const lines: string[] = [];
  lines.push(`${plan.name} — ${result.period}`);
  const groups = plan.groups.map((g) => g.code);
  for (const g of groups) {
    const rows = result.units.filter((u) => u.group === g).sort((a, b) => a.placement - b.placement);
    if (rows.length === 0) continue;
    const gname = plan.groups.find((x) => x.code === g)?.name ?? g;
    lines.push(`\n[${g}] ${gname}`);
    lines.push(`${pad('unit', 10)} ${pad('name', 34)} ${'total'.padStart(8)} ${'rank'.padStart(5)}  grade`);
    for (const u of rows)
      lines.push(
        `${pad(u.unit, 10)} ${pad(u.name ?? '', 34)} ${u.total.toFixed(d).padStart(8)} ${String(u.rank).padStart(5)}  ${
          u.grade ? `${u.grade.name}${u.grade.downgraded ? ' (veto)' : ''}` : ''
        }`,
      );
  }
  await io.out(lines.join('\n'));
  return 0;
}
