import { onScale } from './on-scale';
import type { ScaleParams } from './types';

/** `scale`: default is the indicator's own full score. */
export interface ManualSpec extends ScaleParams {
  kind: 'manual';
}

/**
 * Manual qualitative score (定性评价): the assessor enters a score on `scale` (default: the
 * indicator's own full score); f = clamp(value / scale, 0, 1) (methods/on-scale.ts).
 */
export const manual = onScale<ManualSpec>({
  kind: 'manual',
  defaultScale: 'full',
  sample: { low: 0.7, spread: 0.27 },
});
