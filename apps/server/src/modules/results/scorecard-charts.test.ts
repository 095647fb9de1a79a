import { describe, expect, it } from 'vitest';
import { barLength, radarAxis, radarPolygon, radarRings, rankLine, share } from './scorecard-charts.js';

const close = (p: { x: number; y: number }, x: number, y: number) => {
  expect(p.x).toBeCloseTo(x, 9);
  expect(p.y).toBeCloseTo(y, 9);
};

describe('scorecard chart geometry', () => {
  it('a bar is as long as the share of full points: 27 of 30 in a 200 pt track is 180 pt', () => {
    expect(barLength(27, 30, 200)).toBeCloseTo(180, 9);
    expect(barLength(30, 30, 200)).toBe(200);
    // Above full (a bonus never shows here, but a rounding may) is capped; below zero is empty.
    expect(barLength(31, 30, 200)).toBe(200);
    expect(barLength(-2, 30, 200)).toBe(0);
    // No score (left out), or a node without full points: no bar.
    expect(barLength(null, 30, 200)).toBe(0);
    expect(barLength(5, 0, 200)).toBe(0);
    expect(share(45, 60)).toBe(0.75);
  });

  it('radar axes start straight up and go clockwise', () => {
    // Four axes around (100, 100), radius 50: up, right, down, left (y grows downwards).
    close(radarAxis(0, 4, 100, 100, 50), 100, 50);
    close(radarAxis(1, 4, 100, 100, 50), 150, 100);
    close(radarAxis(2, 4, 100, 100, 50), 100, 150);
    close(radarAxis(3, 4, 100, 100, 50), 50, 100);
  });

  it('the radar polygon puts each share on its axis', () => {
    // Three aspects at 100 %, 50 %, 0 % around (0, 0), radius 10. Axis 1 is at −90° + 120° = 30°:
    // (10·0.5·cos 30°, 10·0.5·sin 30°) = (4.330127…, 2.5). Axis 2 at 0 % is the centre.
    const [a, b, c] = radarPolygon([1, 0.5, 0], 0, 0, 10);
    close(a!, 0, -10);
    close(b!, (5 * Math.sqrt(3)) / 2, 2.5);
    close(c!, 0, 0);
    // Out of range shares are clamped to the ring.
    close(radarPolygon([1.2, 0, 0], 0, 0, 10)[0]!, 0, -10);
  });

  it('the rings divide the radius evenly', () => {
    const rings = radarRings(4, 2, 0, 0, 20);
    expect(rings).toHaveLength(2);
    close(rings[0]![0]!, 0, -10);
    close(rings[1]![1]!, 20, 0);
  });

  it('the rank line puts rank 1 at the top and the largest group at the bottom', () => {
    // 2024: 3rd of 5, 2025: 1st of 5, 2026: 5th of 6. Box x 10…110, y 0…100; worst = 6, so a
    // rank step is 100 / 5 = 20: ranks 3, 1, 5 → y 40, 0, 80; x at 10, 60, 110.
    const pts = rankLine(
      [
        { rank: 3, of: 5 },
        { rank: 1, of: 5 },
        { rank: 5, of: 6 },
      ],
      { x: 10, y: 0, w: 100, h: 100 },
    );
    close(pts[0]!, 10, 40);
    close(pts[1]!, 60, 0);
    close(pts[2]!, 110, 80);
  });

  it('one year is one point in the middle; a group of one is at the top', () => {
    close(rankLine([{ rank: 2, of: 4 }], { x: 0, y: 0, w: 80, h: 30 })[0]!, 40, 10);
    close(rankLine([{ rank: 1, of: 1 }], { x: 0, y: 0, w: 80, h: 30 })[0]!, 40, 0);
  });
});
