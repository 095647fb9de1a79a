import { onScale } from './on-scale';
import type { ScaleParams } from './types';

/** `scale`: default 100. */
export interface SatisfactionSpec extends ScaleParams {
  kind: 'satisfaction';
}

/**
 * Satisfaction score from the survey module (满意度): f = clamp(value / scale, 0, 1), scale 100
 * (methods/on-scale.ts).
 */
export const satisfaction = onScale<SatisfactionSpec>({
  kind: 'satisfaction',
  defaultScale: 100,
  sample: { low: 0.72, spread: 0.22 },
});
