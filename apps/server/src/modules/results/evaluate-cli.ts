import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { planIssueT, renderPlanIssue } from '@jixiao/contracts';
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
import { LANGS, tableText, traceText } from './evaluate-text.js';

export const EVALUATE_USAGE = `jixiao evaluate --plan FILE --data FILE [--period P] [--trace UNIT]... [--lang zh-CN|en] [--json]
  plan: YAML or JSON (docs/plan-format.md); data: CSV, .xlsx or JSON rows, one row per value
  (unit, indicator, period, value, kind, reason, group, name), or the engine's JSON input object.
  Prints the ranked table per group, then with --trace the explanation of each unit named, in
  Chinese (default) or English (--lang en); with --json the full result with every unit's trace.`;

interface Io {
  out: (s: string) => void | Promise<void>;
  err: (s: string) => void;
}

/** Large outputs must be flushed before the CLI exits, or a pipe reader gets them cut short. */
const stdout = (s: string) =>
  new Promise<void>((done, fail) => process.stdout.write(`${s}\n`, (e) => (e ? fail(e) : done())));

/** `jixiao evaluate`: score a plan file on a data file, no database. Returns the exit code. */
export async function runEvaluate(
  argv: string[],
  io: Io = { out: stdout, err: console.error },
): Promise<number> {
  let values: {
    plan?: string;
    data?: string;
    period?: string;
    json?: boolean;
    lang?: string;
    trace?: string[];
  };
  try {
    values = parseArgs({
      args: argv,
      options: {
        plan: { type: 'string' },
        data: { type: 'string' },
        period: { type: 'string' },
        json: { type: 'boolean' },
        lang: { type: 'string' },
        trace: { type: 'string', multiple: true },
      },
    }).values;
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${EVALUATE_USAGE}`);
    return 2;
  }
  const lang = LANGS.find((l) => l === (values.lang ?? 'zh-CN'));
  if (!lang) {
    io.err(`--lang must be one of ${LANGS.join(', ')}\n\n${EVALUATE_USAGE}`);
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
    io.err(
      `${values.plan}: ${e instanceof PlanFileError ? renderPlanIssue(e, planIssueT(lang)) : (e as Error).message}`,
    );
    return 1;
  }
  const issues = validatePlan(plan);
  if (issues.length > 0) {
    // The same templates as the plan editor's, in the language asked for.
    const t = planIssueT(lang);
    io.err(`${values.plan}: ${t('invalid', { n: String(issues.length) })}`);
    for (const i of issues) io.err(`  ${i.path || '·'}: ${renderPlanIssue(i, t)}`);
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
  const unknown = (values.trace ?? []).filter((u) => !result.unit(u));
  if (unknown.length > 0) {
    io.err(`--trace: no unit ${unknown.join(', ')} in the result`);
    return 1;
  }
  const lines = [tableText(plan, result, lang)];
  for (const u of values.trace ?? []) lines.push('', traceText(result.trace(u), result.unit(u)!.name, lang));
  await io.out(lines.join('\n'));
  return 0;
}
