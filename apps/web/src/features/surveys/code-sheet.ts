import QRCode from 'qrcode';

/**
 * Printable code sheets (S12): one card per code with its QR — the link `/ballot#CODE`, whose
 * fragment never reaches the server — and a CSV of the same codes. Built in the browser from the
 * answer that created the codes: the server keeps only their hashes and cannot print them again.
 */

export interface SheetCode {
  code: string;
  unit: string | null;
}

export const ballotLink = (origin: string, code: string) => `${origin}/ballot#${encodeURIComponent(code)}`;

const html = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** One CSV row per code: unit, code, link (UTF-8 with BOM so that Excel reads the Chinese). */
export function codesCsv(
  origin: string,
  codes: readonly SheetCode[],
  header: [string, string, string],
): string {
  const cell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [header.map(cell).join(',')];
  for (const c of codes) lines.push([c.unit ?? '', c.code, ballotLink(origin, c.code)].map(cell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** An A4 page of code cards (12 per page), as HTML to print. */
export async function codeSheetHtml(
  origin: string,
  title: string,
  hint: string,
  codes: readonly SheetCode[],
): Promise<string> {
  const cards = await Promise.all(
    codes.map(async (c) => {
      const svg = await QRCode.toString(ballotLink(origin, c.code), { type: 'svg', margin: 0, width: 120 });
      return `<div class="card"><div class="qr">${svg}</div><div><div class="unit">${html(c.unit ?? '')}</div><div class="code">${html(c.code)}</div></div></div>`;
    }),
  );
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${html(title)}</title><style>
@page { size: A4; margin: 12mm; }
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 0; }
h1 { font-size: 14pt; margin: 0 0 2mm; } p { font-size: 9pt; margin: 0 0 4mm; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; }
.card { display: flex; gap: 4mm; align-items: center; border: 1px dashed #999; padding: 3mm; break-inside: avoid; height: 38mm; box-sizing: border-box; }
.qr svg { width: 30mm; height: 30mm; } .unit { font-size: 10pt; } .code { font: 600 12pt monospace; letter-spacing: 0.5pt; }
</style></head><body><h1>${html(title)}</h1><p>${html(hint)}</p><div class="grid">${cards.join('')}</div></body></html>`;
}
