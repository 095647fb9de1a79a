import type { CompiledNode } from './compile';
import type { Emit } from './kernels';
import type { Layout } from './layout';
import type { MethodDef } from './methods/types';
import type { MethodSpec, RoundingMode } from './plan/types';
import type { EvalState } from './state';

/** One leaf being scored: its node and what the paths read, resolved once per leaf. */
export interface Leaf {
  j: number;
  node: CompiledNode;
  spec: MethodSpec;
  def: MethodDef;
  slot: number;
  fv: Float64Array;
  /** The other inputs the method reads (null: not read, or not supplied). */
  ft: Float64Array | null;
  fb: Float64Array | null;
  fbv: Float64Array | null;
  fpv: Float64Array | null;
  fpb: Float64Array | null;
  lists: Map<number, readonly number[]> | null;
  /** Full points of the leaf in each group (0 = not applicable). */
  scaleOf: Float64Array;
  mask: Uint8Array | null;
  missingZero: boolean;
  missingError: boolean;
  roundInd: boolean;
  m: number;
  dec: number;
  rmode: RoundingMode;
}

export function missingIssue(st: EvalState, lay: Layout, u: number, code: string): void {
  lay.errors.push({
    code: 'missing_value',
    unit: st.unitCodes[u],
    indicator: code,
    message: `unit ${st.unitCodes[u]}: ${code} has no usable value and its missing-value policy is "error"`,
  });
}

/** The layout's Emit set for this leaf: its row, full points and weights per group, folding or not. */
export function emitFor(lay: Layout, leaf: Leaf, fuse: boolean): Emit {
  const e = lay.emit;
  const { nG, wByNode } = lay;
  const wo = leaf.j * nG;
  e.scaleOf = leaf.scaleOf;
  for (let g = 0; g < nG; g++) {
    const w = wByNode[wo + g]!;
    e.wOf[g] = w;
    e.wMul[g] = lay.weighted ? w : 1;
  }
  e.base = leaf.j * lay.nU;
  e.missingZero = leaf.missingZero;
  e.fuse = fuse;
  e.pb = lay.innerIdx[lay.nodeParent[leaf.j]!]! * lay.nU;
  return e;
}
