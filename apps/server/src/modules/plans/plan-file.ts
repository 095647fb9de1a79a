import { type PlanFileIssueCode, planIssueEnglish } from '@jixiao/contracts';
import { parseDocument, stringify } from 'yaml';

/**
 * A plan file could not be read: a plan-issue code (`file.*`) and its params, `line` (1-based)
 * when the parser knows it; the message is the code's English template (logs, the error body).
 */
export class PlanFileError extends Error {
  readonly line: number | null;
  constructor(
    readonly code: PlanFileIssueCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(planIssueEnglish({ code, params }));
    this.line = typeof params.line === 'number' ? params.line : code === 'file.not_object' ? 1 : null;
  }
}

/** 1-based line of a character offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Parse a plan file, JSON or YAML, told apart by content (JSON starts with "{"). Returns the
 * document object; throws PlanFileError with the line of the first problem. Pure.
 */
export function parsePlanFile(input: string | Uint8Array): {
  format: 'json' | 'yaml';
  document: Record<string, unknown>;
} {
  let text = typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new PlanFileError('file.empty');
  const json = text.trimStart().startsWith('{');
  let value: unknown;
  if (json) {
    try {
      value = JSON.parse(text);
    } catch (e) {
      const msg = (e as Error).message;
      const pos = /position (\d+)/.exec(msg);
      const lc = /line (\d+)/.exec(msg);
      const at = pos ? Number(pos[1]) : jsonErrorOffset(text);
      const line = at !== null ? lineOf(text, at) : lc ? Number(lc[1]) : null;
      throw line
        ? new PlanFileError('file.json_at', { line, detail: msg })
        : new PlanFileError('file.json', { detail: msg });
    }
  } else {
    const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
    const err = doc.errors[0];
    if (err) {
      const line = err.linePos?.[0]?.line ?? lineOf(text, err.pos[0]);
      throw new PlanFileError('file.yaml', { line, detail: err.message.split('\n')[0]! });
    }
    value = doc.toJS({ maxAliasCount: 100 });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new PlanFileError('file.not_object');
  return { format: json ? 'json' : 'yaml', document: value as Record<string, unknown> };
}

/** Write a plan document as YAML or pretty JSON. */
export function formatPlanFile(document: unknown, format: 'yaml' | 'json'): string {
  if (format === 'json') return `${JSON.stringify(document, null, 2)}\n`;
  return stringify(document, { lineWidth: 0, aliasDuplicateObjects: false });
}

/**
 * Offset of the first syntax error in JSON text (Node 20's JSON.parse does not always say where):
 * a small recursive-descent checker. null when the text is valid.
 */
export function jsonErrorOffset(text: string): number | null {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const str = () => {
    if (text[i] !== '"') fail();
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail();
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  /** After an opening bracket: `item`s separated by commas up to `close` (possibly none). */
  const list = (close: string, item: () => void) => {
    i++;
    ws();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      item();
      ws();
      if (text[i] === ',') i++;
      else if (text[i] === close) {
        i++;
        return;
      } else fail();
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      list('}', () => {
        ws();
        str();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
      });
      return;
    }
    if (c === '[') {
      list(']', value);
      return;
    }
    if (c === '"') {
      str();
      return;
    }
    const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    if (!m) fail();
    i += m![0].length;
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
    return null;
  } catch (e) {
    if (typeof e === 'number') return e;
    throw e;
  }
}
