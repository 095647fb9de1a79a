/**
 * The engine's trace explanations in the user's language (pure). The engine writes every formula
 * and note as an English string plus structured data (`method`, `vars`, `full`, `raw`); this module
 * rebuilds the explanation from that data with one i18n template per method kind and variant,
 * reading the variant and its parameters (caps, rates, scales…) from the engine's own string.
 * Anything it does not recognise exactly is returned as the engine wrote it.
 */
import { fmtRaw } from './ranking.js';

export type Translate = (key: string, opts?: Record<string, unknown>) => string;

type Vars = Record<string, number | string | null>;

/** What a leaf or inner node needs to be explained (a TraceNode or a live lost-points entry). */
export interface FormulaNode {
  method?: string;
  formula: string;
  vars: Vars;
  full: number;
  raw?: number | null;
  children?: readonly unknown[];
}

/** A translate function over a plain dictionary, with i18next's `{{name}}` interpolation. */
export function dictTranslate(dict: Record<string, unknown>): Translate {
  return (key, opts) => {
    let v: unknown = dict;
    for (const part of key.split('.'))
      v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
    if (typeof v !== 'string') return key;
    return v.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(opts?.[k] ?? ''));
  };
}

/** A number as a clerk writes it (no float noise); null as "—"; strings as they are. */
function num(v: number | string | null | undefined): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return fmtRaw(v);
  return v;
}

/** A parameter the engine printed with JS number formatting. */
function param(s: string): string {
  const n = Number(s);
  return Number.isFinite(n) ? fmtRaw(n) : s;
}

const has = (vars: Vars, ...keys: string[]) => keys.every((k) => vars[k] !== undefined && vars[k] !== null);

type MethodRender = (body: string, vars: Vars, t: Translate) => string | null;

const RATIO_TAIL =
  /^; r = (x \/ ref|ref \/ x); (?:f = 1 \+ min\(([^,]+), (\S+) × \(r − 1\)\)|(f = 1 \(reference reached, no bonus for exceeding\))|(f = 0 \(reference not reached\))|(f = max\(0, r\)))$/;

/** The ratio part shared by completion and pro-rata; null when it is not the engine's. */
function ratioPart(tail: string, vars: Vars, refName: string, t: Translate): string | null {
  const sep = t('formula.sep');
  if (tail === '') return has(vars, 'f') ? t('formula.fOnly', { f: num(vars.f) }) : '';
  const m = RATIO_TAIL.exec(tail);
  if (!m) return null;
  const higher = m[1] === 'x / ref';
  const p = { refName, x: num(vars.x), ref: num(vars.ref), r: num(vars.r), f: num(vars.f) };
  const r = higher
    ? t('formula.completion.rHigher', p)
    : vars.r === 'unbounded'
      ? t('formula.completion.rUnbounded', p)
      : t('formula.completion.rLower', p);
  let f: string;
  if (m[2] !== undefined) f = t('formula.completion.fBonus', { ...p, cap: param(m[2]), rate: param(m[3]!) });
  else if (m[4]) f = t('formula.completion.fNoBonus', p);
  else if (m[5]) f = t('formula.completion.fZero', p);
  else f = t('formula.completion.fLinear', p);
  return `${r}${sep}${f}`;
}

const withF = (head: string, vars: Vars, t: Translate) =>
  has(vars, 'f') ? `${head}${t('formula.sep')}${t('formula.fOnly', { f: num(vars.f) })}` : head;

const clampX =
  (prefix: string): MethodRender =>
  (body, vars, t) => {
    const m = /^f = clamp\(x \/ (\S+), 0, 1\)$/.exec(body);
    if (!m) return null;
    const p = { scale: param(m[1]!), x: num(vars.x), f: num(vars.f) };
    return has(vars, 'x', 'f') ? t(`formula.${prefix}.full`, p) : t(`formula.${prefix}.head`, p);
  };

const METHODS: Record<string, MethodRender> = {
  completion(body, vars, t) {
    const m = /^completion against (target|baseline)(.*)$/.exec(body);
    if (!m) return null;
    const refName = t(`formula.ref.${m[1]}`);
    const rest = ratioPart(m[2]!, vars, refName, t);
    if (rest === null) return null;
    if (m[2] !== '') return rest;
    const head = t('formula.completion.head', { refName });
    return rest ? `${head}${t('formula.sep')}${rest}` : head;
  },
  pro_rata(body, vars, t) {
    const m = /^pro-rata \((month|day)\): ref = target × elapsed(.*)$/.exec(body);
    if (!m) return null;
    const basis = t(`formula.pro_rata.basis.${m[1]}`);
    const head = has(vars, 'target', 'elapsed', 'ref')
      ? t('formula.pro_rata.headValues', {
          basis,
          target: num(vars.target),
          elapsed: num(vars.elapsed),
          ref: num(vars.ref),
        })
      : t('formula.pro_rata.head', { basis });
    const rest = ratioPart(m[2]!, vars, t('formula.pro_rata.refName'), t);
    if (rest === null) return null;
    return rest ? `${head}${t('formula.sep')}${rest}` : head;
  },
  total_growth(body, vars, t) {
    const m =
      /^f = (\S+) × min\(1, x \/ target\) \+ (\S+) × clamp\(g \/ gT, 0, 1\); g = \(x − base\) \/ base$/.exec(
        body,
      );
    if (!m) return null;
    const p = {
      s: param(m[1]!),
      s2: param(m[2]!),
      x: num(vars.x),
      target: num(vars.target),
      base: num(vars.base),
      totalPart: num(vars.totalPart),
      g: num(vars.g),
      gT: num(vars.gT),
      growthPart: num(vars.growthPart),
      f: num(vars.f),
    };
    return has(vars, 'totalPart', 'growthPart', 'f')
      ? t('formula.total_growth.full', p)
      : withF(t('formula.total_growth.head', p), vars, t);
  },
  benchmark(body, vars, t) {
    const m =
      /^f = clamp\((?:(g \/ gp)|(\S+) \+ (\S+) × 100 × \(g − gp\)), 0, (\S+)\); g = \(x − base\) \/ base; gp = \(peer − peerBase\) \/ peerBase$/.exec(
        body,
      );
    if (!m) return null;
    const ratio = m[1] !== undefined;
    const p = {
      hi: param(m[4]!),
      par: m[2] ? param(m[2]) : '',
      per: m[3] ? param(m[3]) : '',
      x: num(vars.x),
      base: num(vars.base),
      peer: num(vars.peer),
      peerBase: num(vars.peerBase),
      g: num(vars.g),
      gp: num(vars.gp),
      f: num(vars.f),
    };
    const head = t(ratio ? 'formula.benchmark.headRatio' : 'formula.benchmark.headDiff', p);
    if (!has(vars, 'g', 'gp', 'f')) return withF(head, vars, t);
    // Ratio mode with peer growth ≤ 0 is a division by zero: f is the configured outcome, not g ÷ gp.
    if (ratio && !((vars.gp as number) > 0))
      return `${head}${t('formula.sep')}${t('formula.benchmark.growth', p)}${t('formula.sep')}${t('formula.fOnly', p)}`;
    return `${t('formula.benchmark.growth', p)}${t('formula.sep')}${t(ratio ? 'formula.benchmark.fRatio' : 'formula.benchmark.fDiff', p)}`;
  },
  bands(body, vars, t) {
    const step = body === 'f = fraction of the highest breakpoint with x ≥ x_i';
    const interp = body === 'f = f_i + (f_{i+1} − f_i) × (x − x_i) / (x_{i+1} − x_i)';
    if (!step && !interp) return null;
    let bp = num(vars.breakpoints);
    try {
      const list = JSON.parse(String(vars.breakpoints)) as [number, number][];
      bp = list.map(([x, f]) => `[${fmtRaw(x)}, ${fmtRaw(f)}]`).join(' ');
    } catch {
      // keep the engine's text
    }
    return withF(
      t(step ? 'formula.bands.step' : 'formula.bands.interpolate', { x: num(vars.x), bp }),
      vars,
      t,
    );
  },
  deduction(body, vars, t) {
    const m = /^f = max\(0, full − count × (\S+)\) \/ full$/.exec(body);
    if (!m) return null;
    const p = { per: param(m[1]!), full: num(vars.full), count: num(vars.count), f: num(vars.f) };
    // A negative count counts as 0 and a full score ≤ 0 gives f = 0: say only f then.
    const plain = has(vars, 'count', 'full', 'f') && (vars.count as number) >= 0 && (vars.full as number) > 0;
    return plain ? t('formula.deduction.full', p) : withF(t('formula.deduction.head', p), vars, t);
  },
  rank(body, vars, t) {
    const mt = /^f = table\[r − 1\], table = (\[.*\])$/.exec(body);
    const ml = /^f = 1 − \(1 − (\S+)\) × \(r − 1\) \/ \(n − 1\)$/.exec(body);
    if (!mt && !ml) return null;
    const p = {
      x: num(vars.x),
      r: num(vars.r),
      n: num(vars.n),
      f: num(vars.f),
      table: mt ? mt[1]!.replace(/,/g, ', ') : '',
      floor: ml ? param(ml[1]!) : '',
    };
    if (!has(vars, 'r', 'n', 'f'))
      return withF(t(mt ? 'formula.rank.headTable' : 'formula.rank.headLinear', p), vars, t);
    if (mt) return t('formula.rank.table', p);
    return (vars.n as number) <= 1 ? t('formula.rank.single', p) : t('formula.rank.linear', p);
  },
  efficacy(body, vars, t) {
    const m = /^d = 60 \+ 40 × \(x − x_s\) \/ \(x_h − x_s\), clamped to \[(\S+), (\S+)\]; f = d \/ 100$/.exec(
      body,
    );
    if (!m) return null;
    const p = {
      lo: param(m[1]!),
      hi: param(m[2]!),
      x: num(vars.x),
      xs: num(vars.x_s),
      xh: num(vars.x_h),
      d: num(vars.d),
      f: num(vars.f),
    };
    return has(vars, 'd', 'f')
      ? t('formula.efficacy.full', p)
      : withF(t('formula.efficacy.head', p), vars, t);
  },
  zscore(body, vars, t) {
    const m =
      /^z = (−?)\(x − mean\) \/ σ \((population|sample)\); d = clamp\((\S+) \+ (\S+) × z, (\S+), (\S+)\); f = d \/ 100$/.exec(
        body,
      );
    if (!m) return null;
    const p = {
      neg: m[1],
      sigmaKind: t(`formula.zscore.sigma.${m[2]}`),
      c: param(m[3]!),
      k: param(m[4]!),
      lo: param(m[5]!),
      hi: param(m[6]!),
      x: num(vars.x),
      mean: num(vars.mean),
      sigma: num(vars.sigma),
      n: num(vars.n),
      z: num(vars.z),
      d: num(vars.d),
      f: num(vars.f),
    };
    if (!has(vars, 'z', 'd', 'f')) return withF(t('formula.zscore.head', p), vars, t);
    return (vars.sigma as number) > 0 ? t('formula.zscore.full', p) : t('formula.zscore.flat', p);
  },
  expert_panel(body, vars, t) {
    const m = /^mean of the scores without the (\d+) highest and \d+ lowest; f = mean \/ (\S+)$/.exec(body);
    if (!m) return null;
    const list = (v: number | string | null | undefined) =>
      typeof v === 'string' ? v.split(', ').map(param).join(t('formula.listSep')) : num(v);
    const p = {
      trim: m[1],
      scale: param(m[2]!),
      scores: list(vars.scores),
      kept: list(vars.kept),
      mean: num(vars.mean),
      f: num(vars.f),
    };
    return has(vars, 'mean', 'f')
      ? t('formula.expert_panel.full', p)
      : withF(t('formula.expert_panel.head', p), vars, t);
  },
  satisfaction: clampX('satisfaction'),
  manual: clampX('manual'),
};

/** Kinds tried in turn when the method is not given (the live page's lost points). */
const DETECT: [string, MethodRender][] = [
  ...Object.entries(METHODS).filter(([k]) => k !== 'satisfaction' && k !== 'manual'),
  ['clamp', clampX('clamp')],
];

function methodPart(kind: string | undefined, body: string, vars: Vars, t: Translate): string | null {
  if (kind !== undefined) {
    const fn = Object.hasOwn(METHODS, kind) ? METHODS[kind] : undefined;
    return fn ? fn(body, vars, t) : null;
  }
  for (const [, fn] of DETECT) {
    const out = fn(body, vars, t);
    if (out !== null) return out;
  }
  return null;
}

/** A leaf's formula (method and score step), from `method` + `vars` + `full` + `raw`. */
export function renderLeafFormula(node: FormulaNode, t: Translate): string {
  const f = node.formula;
  if (f === 'not applicable to this unit: left out, siblings re-weighted') return t('formula.notApplicable');
  const scored = /^([\s\S]*); score = f × (\S+)$/.exec(f);
  const out = scored ? null : /^([\s\S]*); left out \((zero|reweight|error)\)$/.exec(f);
  const m = scored ?? out;
  if (!m) return f;
  const body = methodPart(node.method, m[1]!, node.vars ?? {}, t);
  if (body === null) return f;
  const sep = t('formula.sep');
  if (scored) {
    const fv = node.vars?.f;
    if (typeof fv !== 'number') return f;
    // The live page's lost points carry no raw value: f × full is it (f already has 10 digits).
    const raw = node.raw ?? fv * node.full;
    const score = t('formula.score', { full: fmtRaw(node.full), f: num(fv), raw: fmtRaw(raw) });
    return `${body}${sep}${score}`;
  }
  return `${body}${sep}${t('formula.leftOut', { policy: t(`formula.policy.${m[2]}`) })}`;
}

/** An aggregate (`Σ = …`, weighted mean, re-weighted sum); `raw` appended when given. */
export function renderAggregate(formula: string, t: Translate, raw?: number | null): string {
  if (formula === 'all children left out') return t('formula.agg.none');
  const sum = /^Σ = (.+)$/.exec(formula);
  const wm = /^Σ w·s \/ Σ w = \((.+)\) \/ (\S+)$/.exec(formula);
  const rw = /^\((.+)\) × (\S+) \/ (\S+) \(re-weighted\)$/.exec(formula);
  const text = sum
    ? t('formula.agg.sum', { terms: sum[1] })
    : wm
      ? t('formula.agg.weighted', { terms: wm[1], sw: wm[2] })
      : rw
        ? t('formula.agg.reweighted', { terms: rw[1], full: rw[2], fw: rw[3] })
        : null;
  if (text === null) return formula;
  return raw === null || raw === undefined ? text : `${text} = ${fmtRaw(raw)}`;
}

/** Any trace node: leaves by method, inner nodes as aggregates. */
export function renderNodeFormula(node: FormulaNode, t: Translate): string {
  if (node.children && node.children.length > 0 && node.method === undefined)
    return renderAggregate(node.formula, t, node.raw);
  return renderLeafFormula(node, t);
}

const BASE =
  /^base = (.+?)(?:; with half-year \(S9\): (\S+) × (\S+) \+ (\S+) × (\S+))?(?:; linked \(S1\): (\S+) × (\S+) \+ (\S+) × mean\((.*)\) = \S+ × \S+ \+ \S+ × (\S+))?$/;

/** The base step: aggregate of the components, then half-year and linked parts. */
export function renderBase(formula: string, t: Translate): string {
  const m = BASE.exec(formula);
  if (!m) return formula;
  const agg = renderAggregate(m[1]!, t);
  if (agg === m[1] && m[1] !== 'all children left out') return formula;
  const parts = [t('formula.base', { agg })];
  if (m[2] !== undefined) parts.push(t('formula.halfYear', { w: m[2], h: m[3], w2: m[4], b: m[5] }));
  if (m[6] !== undefined)
    parts.push(t('formula.linked', { own: m[6], b: m[7], share: m[8], srcs: m[9], mean: m[10] }));
  return parts.join(t('formula.sep'));
}

/** The total step. */
export function renderTotal(formula: string, t: Translate): string {
  const m = /^total = base \+ bonus − deductions = (\S+) \+ (\S+) − (\S+)$/.exec(formula);
  return m ? t('formula.total', { base: m[1], bonus: m[2], ded: m[3] }) : formula;
}

/** The bonus line: shared cap over the items (each named by its source). */
export function renderBonus(
  bonus: { formula: string; items: readonly { points: number; source: string }[] },
  t: Translate,
): string {
  if (bonus.formula === 'no bonus') return t('formula.noBonus');
  const m = /^min\((\S+), .*\) — per-source caps first; shared cap \S+$/.exec(bonus.formula);
  if (!m || bonus.items.length === 0) return bonus.formula;
  const items = bonus.items
    .map((b) => t('formula.item', { points: fmtRaw(b.points), label: b.source }))
    .join(' + ');
  return t('formula.bonus', { cap: m[1], items });
}

/** The deductions line: items with their reasons, and the cap. */
export function renderDeductions(
  ded: { formula: string; items: readonly { points: number; reason: string }[] },
  t: Translate,
): string {
  if (ded.formula === 'no deductions') return t('formula.noDeductions');
  if (ded.items.length === 0) return ded.formula;
  const items = ded.items
    .map((d) => t('formula.item', { points: fmtRaw(d.points), label: d.reason }))
    .join(' + ');
  const m = /, capped at (\S+)$/.exec(ded.formula);
  return m ? t('formula.deductionsCapped', { items, cap: m[1] }) : t('formula.deductions', { items });
}

/** A rounding step `21.675 → 21.68 (half_up to 2 decimals)`. */
export function renderRounding(rounding: string, t: Translate): string {
  const m = /^(\S+) → (\S+) \((half_up|half_even|down) to (\d+) decimals\)$/.exec(rounding);
  if (!m) return rounding;
  return t('formula.rounding', {
    raw: m[1],
    value: m[2],
    mode: t(`formula.roundMode.${m[3]}`),
    decimals: m[4],
  });
}

/** The rank line. */
export function renderRank(rank: string, t: Translate): string {
  const m = /^competition rank (\d+) in group (\S+) on reported totals; published placement (\d+)$/.exec(
    rank,
  );
  return m ? t('formula.rankLine', { rank: m[1], group: m[2], placement: m[3] }) : rank;
}

const DZ: [RegExp, string][] = [
  [/^reference (\S+) ≤ 0$/, 'reference'],
  [/^target ≤ 0$/, 'target'],
  [/^base value ≤ 0$/, 'base'],
  [/^peer base value ≤ 0$/, 'peerBase'],
  [/^peer growth ≤ 0$/, 'peerGrowth'],
  [/^x_h = x_s$/, 'limits'],
  [/^growth target ≤ 0$/, 'growthTarget'],
];

const FIELDS = ['value', 'target', 'baseline', 'baseValue', 'peerValue', 'peerBaseValue', 'scores'];
const POLICIES = ['zero', 'reweight', 'error'];
const OUTCOMES = ['zero', 'full', 'missing'];
const SCOPES = ['group', 'category', 'all'];

/** One engine note, translated by pattern; unknown notes as the engine wrote them. */
export function renderNote(note: string, t: Translate): string {
  let m = /^missing input: (\w+)$/.exec(note);
  if (m && FIELDS.includes(m[1]!)) return t('formula.notes.missing', { field: t(`formula.field.${m[1]}`) });
  m = /^missing-value policy: (\w+)$/.exec(note);
  if (m && POLICIES.includes(m[1]!))
    return t('formula.notes.policy', { policy: t(`formula.policy.${m[1]}`) });
  m = /^division by zero \((.+)\): outcome "(\w+)"$/.exec(note);
  if (m && OUTCOMES.includes(m[2]!)) {
    for (const [re, key] of DZ) {
      const w = re.exec(m[1]!);
      if (w)
        return t('formula.notes.divZero', {
          what: t(`formula.dz.${key}`, { v: w[1] === undefined ? '' : param(w[1]) }),
          outcome: t(`formula.outcome.${m[2]}`),
        });
    }
    return note;
  }
  m = /^scope: (\w+) \((\d+) units with values\)$/.exec(note);
  if (m && SCOPES.includes(m[1]!))
    return t('formula.notes.scope', { scope: t(`formula.scope.${m[1]}`), n: m[2] });
  if (note === 'σ = 0: z = 0') return t('formula.notes.sigmaZero');
  m = /^fewer than (\d+) scores: plain mean$/.exec(note);
  if (m) return t('formula.notes.fewScores', { n: m[1] });
  if (note === 'children present do not carry the full points or weights: re-weighted over them')
    return t('formula.notes.reweighted');
  if (note === 'no values in scope: x_s and x_h undefined') return t('formula.notes.noLimits');
  m = /^(\w+) is not a finite number: shown as (-?unbounded|null)$/.exec(note);
  if (m) {
    const shown = m[2] === 'unbounded' ? '+∞' : m[2] === '-unbounded' ? '−∞' : '—';
    return t('formula.notes.notFinite', { name: m[1], shown });
  }
  return note;
}
