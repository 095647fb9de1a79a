/**
 * How a trace becomes text: each step `{ code, params }` through its one template
 * (templates.<lang>.json, key `steps.<code>`), its params formatted here first. The web feeds the
 * same templates to i18next and passes its `t`; the CLI passes `dictTranslate(explainTemplates[lang])`.
 * Pure: no i18next, no DOM.
 *
 * The templates are data, one JSON file per language with the same keys (templates.test.ts checks
 * that, and that every step code has a template): `steps.<code>` fills `{{name}}` with the params
 * formatted here; enum params read `terms.<param>.<value>`; `vars.<name>` names the engine's trace
 * vars (TraceNode.vars); `sep`, `listSep`, `item` and `pair` join lists.
 */

import { dictLookup } from '../dict.js';
import { type StepEnum, stepEnums } from './steps.js';
import explainEn from './templates.en.json' with { type: 'json' };
import explainZhCN from './templates.zh-CN.json' with { type: 'json' };

export type ExplainLang = 'zh-CN' | 'en';
export const explainTemplates = { 'zh-CN': explainZhCN, en: explainEn } as const;

/** Looks a key up in the templates (`steps.ratio.higher`) and fills its `{{name}}`s. */
export type Translate = (key: string, params?: Record<string, string>) => string;

/** A step as the engine emits it (params are JSON). */
export interface StepLike {
  code: string;
  params: Record<string, unknown>;
}

/** A translate function over a plain dictionary, with i18next's `{{name}}` interpolation. */
export function dictTranslate(dict: Record<string, unknown>): Translate {
  return (key, params) => {
    const v = dictLookup(dict, key);
    if (typeof v !== 'string') return key;
    return v.replace(/\{\{(\w+)\}\}/g, (_, k: string) => params?.[k] ?? '');
  };
}

/** A number as a clerk writes it: the shortest exact form, never an exponent; −0 as 0. */
export function plainNumber(x: number): string {
  if (Number.isNaN(x)) return '—';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const s = String(x);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const digits = m[2]! + (m[3] ?? '');
  const exp = Number(m[4]);
  if (exp < 0) return `${m[1]}0.${'0'.repeat(-exp - 1)}${digits}`;
  return `${m[1]}${digits.padEnd(exp + 1, '0')}`;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** A reported score `{ value, decimals }`: fixed decimals when its stage rounds. */
function reported(v: Record<string, unknown>): string {
  const x = v.value as number;
  return typeof v.decimals === 'number' ? (x === 0 ? 0 : x).toFixed(v.decimals) : plainNumber(x);
}

/** One param value as text; lists by the shape of their items. */
function formatValue(v: unknown, t: Translate): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return plainNumber(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    const list = t('listSep');
    if (v.every((x) => typeof x === 'number' || typeof x === 'string'))
      return v.map((x) => formatValue(x, t)).join(list);
    return v
      .map((x) => {
        if (Array.isArray(x)) return `[${x.map((y) => formatValue(y, t)).join(', ')}]`;
        if (!isRecord(x)) return formatValue(x, t);
        if ('weight' in x && isRecord(x.score))
          return `${plainNumber(x.weight as number)} × ${reported(x.score)}`;
        if ('value' in x && 'decimals' in x) return reported(x);
        if ('points' in x)
          return t('item', {
            points: plainNumber(x.points as number),
            label: String(x.source ?? x.reason ?? ''),
          });
        if ('unit' in x) return t('pair', { label: String(x.unit), value: formatValue(x.score, t) });
        return JSON.stringify(x);
      })
      .join(v.some((x) => isRecord(x) && ('value' in x || 'weight' in x || 'points' in x)) ? ' + ' : ' ');
  }
  if (isRecord(v) && 'value' in v && 'decimals' in v) return reported(v);
  return JSON.stringify(v);
}

/** The params of a step as text: enums through their term tables, var names through `vars`. */
export function formatParams(step: StepLike, t: Translate): Record<string, string> {
  const plain: Record<string, string> = {};
  for (const [k, v] of Object.entries(step.params)) plain[k] = formatValue(v, t);
  const out = { ...plain };
  for (const [k, v] of Object.entries(step.params)) {
    if (Object.hasOwn(stepEnums, k) && typeof v === 'string')
      out[k] = (stepEnums[k as StepEnum] as readonly string[]).includes(v) ? t(`terms.${k}.${v}`, plain) : v;
    else if (step.code === 'note.not_finite' && k === 'name' && typeof v === 'string')
      out[k] = varLabel(v, t);
  }
  return out;
}

/** One step as text, in the language of `t`. */
export function renderStep(step: StepLike, t: Translate): string {
  return t(`steps.${step.code}`, formatParams(step, t));
}

/** Steps in order, joined as one line. */
export function renderSteps(steps: readonly StepLike[], t: Translate): string {
  return steps.map((s) => renderStep(s, t)).join(t('sep'));
}

/** A trace var's name as the user reads it (`ref` → 参照值); unknown names as they are. */
export function varLabel(name: string, t: Translate): string {
  const label = t(`vars.${name}`);
  return label === `vars.${name}` ? name : label;
}

/** A trace var's value: numbers plain, `unbounded` as ±∞, null as —. */
export function varValue(v: number | string | null, t: Translate): string {
  if (v === 'unbounded' || v === '-unbounded') return t(`terms.shown.${v}`);
  return formatValue(v, t);
}

/** A node's vars as one line (`实际值 x = 115.3，参照值 = 318`), in the engine's order. */
export function renderVars(vars: Record<string, number | string | null>, t: Translate): string {
  return Object.entries(vars)
    .map(([k, v]) => `${varLabel(k, t)} = ${varValue(v, t)}`)
    .join(t('listSep'));
}
