import type { Config } from '../../config.js';
import { cjkDocument, pdfBytes } from '../../platform/pdf.js';
import { barLength, type Point, radarPolygon, radarRings, rankLine, share } from './scorecard-charts.js';
import type { ScorecardView } from './scorecard-view.js';

/**
 * A unit's scorecard (效能成绩单) as an A4 PDF: the head (unit, plan, period, total, rank, grade),
 * the component bars, the radar by aspect (bars when fewer than three), the rank over the years
 * and where points were lost. Charts are drawn from scorecard-charts.ts' geometry.
 */

const INK = '#1f1f1f';
const MUTED = '#8c8c8c';
const GRID = '#d9d9d9';
const BAR = '#1677ff';
const LOSS = '#cf1322';
const STATUS: Record<string, string> = {
  draft: '草稿',
  publicity: '公示中',
  approval: '待审定',
  superseded: '已被取代',
};

const PAGE_W = 595.28;
const LEFT = 40;
const RIGHT = PAGE_W - 40;
const BOTTOM = 841.89 - 40;

type Doc = PDFKit.PDFDocument;

const fmt = (x: number | null, decimals: number) => (x === null ? '—' : x.toFixed(decimals));

function polygon(doc: Doc, pts: Point[]) {
  doc.polygon(...pts.map((p) => [p.x, p.y]));
}

/** Starts a new page when `h` more points do not fit below `y`; returns where to draw. */
function room(doc: Doc, y: number, h: number): number {
  if (y + h <= BOTTOM) return y;
  doc.addPage();
  return 40;
}

/** A section's title over a rule; `right` titles the right half of a two-column section. */
function heading(doc: Doc, y: number, text: string, right?: string): number {
  doc.fillColor(INK).fontSize(13).text(text, LEFT, y);
  if (right) doc.text(right, LEFT + (RIGHT - LEFT) / 2 + 10, y);
  doc
    .moveTo(LEFT, y + 18)
    .lineTo(RIGHT, y + 18)
    .lineWidth(0.5)
    .strokeColor(GRID)
    .stroke();
  return y + 26;
}

/** Horizontal bars: name, track with the score's share, "score / full". */
function bars(doc: Doc, y: number, rows: { name: string; score: number | null; full: number }[], d: number) {
  const nameW = 170;
  const track = 250;
  for (const r of rows) {
    y = room(doc, y, 18);
    doc
      .fillColor(INK)
      .fontSize(9)
      .text(r.name, LEFT, y + 1, { width: nameW - 8, lineBreak: false, ellipsis: true });
    const x = LEFT + nameW;
    doc.rect(x, y, track, 11).fillColor('#f0f0f0').fill();
    const w = barLength(r.score, r.full, track);
    if (w > 0) doc.rect(x, y, w, 11).fillColor(BAR).fill();
    doc
      .fillColor(INK)
      .fontSize(9)
      .text(`${fmt(r.score, d)} / ${fmt(r.full, d)}`, x + track + 8, y + 1, { lineBreak: false });
    y += 18;
  }
  return y;
}

function radar(doc: Doc, view: ScorecardView, cx: number, cy: number, r: number) {
  const n = view.aspects.length;
  doc.lineWidth(0.5).strokeColor(GRID);
  for (const ring of radarRings(n, 4, cx, cy, r)) {
    polygon(doc, ring);
    doc.stroke();
  }
  const outer = radarRings(n, 1, cx, cy, r)[0]!;
  for (const p of outer) doc.moveTo(cx, cy).lineTo(p.x, p.y).stroke();
  const shape = radarPolygon(
    view.aspects.map((a) => a.share),
    cx,
    cy,
    r,
  );
  polygon(doc, shape);
  doc.fillOpacity(0.25).fillColor(BAR).fill();
  doc.fillOpacity(1);
  polygon(doc, shape);
  doc.lineWidth(1.2).strokeColor(BAR).stroke();
  // Labels just outside the ring: left of the centre right-aligned, right of it left-aligned.
  const labels = radarRings(n, 1, cx, cy, r + 10)[0]!;
  view.aspects.forEach((a, i) => {
    const p = labels[i]!;
    const text = `${a.name} ${Math.round(a.share * 100)}%`;
    const w = 90;
    const x = Math.abs(p.x - cx) < 1 ? p.x - w / 2 : p.x < cx ? p.x - w : p.x;
    const align = Math.abs(p.x - cx) < 1 ? 'center' : p.x < cx ? 'right' : 'left';
    doc
      .fillColor(INK)
      .fontSize(7.5)
      .text(text, x, p.y - 4, { width: w, align, lineBreak: false, ellipsis: true });
  });
}

function history(doc: Doc, view: ScorecardView, x: number, y: number, w: number, h: number) {
  const box = { x: x + 24, y: y + 8, w: w - 48, h: h - 40 };
  doc
    .lineWidth(0.5)
    .strokeColor(GRID)
    .rect(box.x - 12, box.y - 8, box.w + 24, box.h + 16)
    .stroke();
  const pts = rankLine(view.history, box);
  if (pts.length > 1) {
    doc.moveTo(pts[0]!.x, pts[0]!.y);
    for (const p of pts.slice(1)) doc.lineTo(p.x, p.y);
    doc.lineWidth(1.5).strokeColor(BAR).stroke();
  }
  pts.forEach((p, i) => {
    const e = view.history[i]!;
    doc.circle(p.x, p.y, 3).fillColor(BAR).fill();
    doc
      .fillColor(INK)
      .fontSize(8)
      .text(`第${e.rank}名/${e.of}`, p.x - 30, p.y - 14, { width: 60, align: 'center', lineBreak: false });
    doc
      .fillColor(MUTED)
      .fontSize(8)
      .text(String(e.year), p.x - 20, box.y + box.h + 12, { width: 40, align: 'center', lineBreak: false });
  });
  if (view.history.length === 1)
    doc
      .fillColor(MUTED)
      .fontSize(8)
      .text(`仅有 ${view.history[0]!.year} 年一年的名次`, x, y + h - 8, { width: w, align: 'center' });
  if (view.history.length === 0)
    doc
      .fillColor(MUTED)
      .fontSize(8)
      .text('尚无已发布的年度名次', x, y + h / 2, { width: w, align: 'center' });
}

export async function scorecardPdf(config: Pick<Config, 'pdfFont'>, view: ScorecardView): Promise<Buffer> {
  const d = view.decimals;
  const doc = cjkDocument(config, { title: `效能成绩单 ${view.unit.name}`, subject: view.unit.code });

  doc
    .fillColor(INK)
    .fontSize(22)
    .text('效能成绩单', LEFT, 40, { width: RIGHT - LEFT, align: 'center' });
  const status = STATUS[view.status];
  doc
    .fillColor(MUTED)
    .fontSize(10)
    .text(`${view.plan} · ${view.period}${status ? `（${status}）` : ''}`, LEFT, 70, {
      width: RIGHT - LEFT,
      align: 'center',
    });

  // The head: who and the result.
  let y = 100;
  doc.fillColor(INK).fontSize(14).text(`${view.unit.name}（${view.unit.code}）`, LEFT, y);
  doc
    .fillColor(MUTED)
    .fontSize(10)
    .text(`考核组 ${view.group.code}${view.group.name ? ` ${view.group.name}` : ''}`, LEFT, y + 20);
  const cells: [string, string][] = [
    ['总分', fmt(view.total, d)],
    ['名次', `${view.rank} / ${view.of}`],
    ['等次', view.grade ?? '—'],
    ['加分', fmt(view.bonus, d)],
    ['扣分', fmt(view.deductionTotal, d)],
  ];
  const cw = (RIGHT - LEFT) / cells.length;
  y += 42;
  cells.forEach(([label, value], i) => {
    const x = LEFT + i * cw;
    doc
      .rect(x + 2, y, cw - 4, 44)
      .fillColor('#fafafa')
      .fill();
    doc
      .fillColor(MUTED)
      .fontSize(9)
      .text(label, x, y + 6, { width: cw, align: 'center' });
    doc
      .fillColor(INK)
      .fontSize(15)
      .text(value, x, y + 20, { width: cw, align: 'center', lineBreak: false });
  });
  y += 52;
  if (view.vetoes.length) {
    doc
      .fillColor(LOSS)
      .fontSize(10)
      .text(`一票否决：${view.vetoes.join('、')}`, LEFT, y);
    y += 16;
  }

  y = heading(doc, y + 6, '分项得分');
  y = bars(doc, y, view.components, d);

  // The radar by aspect (or bars) on the left, the rank over the years on the right.
  y = room(doc, y + 8, 250);
  const half = (RIGHT - LEFT) / 2;
  const top = heading(doc, y, '各方面得分率', '历年名次');
  if (view.aspectChart === 'radar') radar(doc, view, LEFT + half / 2, top + 105, 80);
  else {
    doc.fillColor(MUTED).fontSize(8).text('方面少于三个，以条形图代替雷达图', LEFT, top, { width: half });
    let by = top + 16;
    for (const a of view.aspects) {
      doc.fillColor(INK).fontSize(9).text(a.name, LEFT, by, { width: 80, lineBreak: false, ellipsis: true });
      doc
        .rect(LEFT + 84, by, half - 130, 10)
        .fillColor('#f0f0f0')
        .fill();
      const w = share(a.share, 1) * (half - 130);
      if (w > 0)
        doc
          .rect(LEFT + 84, by, w, 10)
          .fillColor(BAR)
          .fill();
      doc
        .fillColor(INK)
        .fontSize(8)
        .text(`${Math.round(a.share * 100)}%`, LEFT + half - 42, by + 1, { lineBreak: false });
      by += 18;
    }
  }
  history(doc, view, LEFT + half + 10, top, half - 10, 210);
  y = top + 226;

  // Where points were lost.
  y = heading(doc, room(doc, y, 60), '失分情况');
  if (view.lost.length === 0 && view.deductions.length === 0)
    doc.fillColor(MUTED).fontSize(10).text('各项均得满分，无扣分', LEFT, y);
  // One line of the table: the name in the first column, then numbers (in red: what was lost).
  const cols = [LEFT, LEFT + 300, LEFT + 370, LEFT + 440];
  const line = (name: string, width: number, cells: [number, string, string?][]) => {
    y = room(doc, y, 16);
    doc.fillColor(INK).fontSize(9).text(name, cols[0]!, y, { width, lineBreak: false, ellipsis: true });
    for (const [col, text, color] of cells)
      doc.fillColor(color ?? INK).text(text, cols[col]!, y, { lineBreak: false });
    y += 16;
  };
  if (view.lost.length) {
    doc.fillColor(MUTED).fontSize(9);
    for (const [i, h] of ['指标', '得分', '满分', '失分'].entries())
      doc.text(h, cols[i]!, y, { lineBreak: false });
    y += 16;
    for (const l of view.lost)
      line(l.name, 290, [
        [1, fmt(l.score, d)],
        [2, fmt(l.full, d)],
        [3, fmt(l.full - l.score, d), LOSS],
      ]);
  }
  if (view.deductions.length) {
    y = room(doc, y + 6, 16);
    doc.fillColor(MUTED).fontSize(9).text('扣分事项', LEFT, y);
    y += 16;
    for (const x of view.deductions) line(x.reason, 360, [[3, `−${fmt(x.points, d)}`, LOSS]]);
  }
  return pdfBytes(doc);
}
