/**
 * The geometry of the scorecard's charts (issue 11 point 6): pure functions from scores to
 * coordinates, drawn with pdfkit's vector primitives by scorecard-pdf.ts. Coordinates are PDF
 * points with pdfkit's origin at the top left and y growing downwards.
 */

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A score as a share of its full points, within [0, 1]; no score or no full points → 0. */
export function share(score: number | null, full: number): number {
  if (score === null || !Number.isFinite(score) || !(full > 0)) return 0;
  return Math.min(1, Math.max(0, score / full));
}

/** The length of a score's bar in a track `width` long (full points fill the track). */
export const barLength = (score: number | null, full: number, width: number) => share(score, full) * width;

/**
 * Where axis `i` of `n` points: the first straight up, the others clockwise at equal angles
 * (clockwise on the page, where y grows downwards).
 */
export function radarAxis(i: number, n: number, cx: number, cy: number, r: number): Point {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
  return { x: cx + r * Math.cos(angle), y: cy + r * Math.sin(angle) };
}

/** The radar polygon of `shares` (each in [0, 1]) around (cx, cy) with radius r. */
export const radarPolygon = (shares: readonly number[], cx: number, cy: number, r: number): Point[] =>
  shares.map((s, i) => radarAxis(i, shares.length, cx, cy, r * Math.min(1, Math.max(0, s))));

/** The web's rings: `rings` polygons at 1/rings, 2/rings … 1 of the radius. */
export const radarRings = (n: number, rings: number, cx: number, cy: number, r: number): Point[][] =>
  Array.from({ length: rings }, (_, k) =>
    Array.from({ length: n }, (_, i) => radarAxis(i, n, cx, cy, (r * (k + 1)) / rings)),
  );

/**
 * The rank line over the years: years left to right at equal steps (one year in the middle), rank
 * 1 at the top of the box and the largest group size (`of`) at the bottom.
 */
export function rankLine(entries: readonly { rank: number; of: number }[], box: Box): Point[] {
  const n = entries.length;
  const worst = Math.max(1, ...entries.map((e) => Math.max(e.of, e.rank)));
  return entries.map((e, i) => ({
    x: n === 1 ? box.x + box.w / 2 : box.x + (box.w * i) / (n - 1),
    y: worst === 1 ? box.y : box.y + (box.h * (e.rank - 1)) / (worst - 1),
  }));
}
