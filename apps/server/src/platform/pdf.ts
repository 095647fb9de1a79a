import { existsSync, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { Config } from '../config.js';
import { unavailable } from './errors.js';

/**
 * PDFs with Chinese text (pdfkit + a CJK font, embedded as a subset). Without the font file a PDF
 * would show no Chinese at all, so PDF routes refuse (503 `pdf.font_missing`) and `npm start`
 * says so once; .xlsx exports do not need it.
 */

/** The face of Noto Sans CJK in Debian's .ttc that holds Simplified Chinese. */
const TTC_FACE = 'NotoSansCJKsc-Regular';

/** The font file's bytes, read once per path (20 MB for Noto Sans CJK: not again for every PDF). */
const fontBytes = new Map<string, Buffer>();
const fontOf = (path: string) => {
  const bytes = fontBytes.get(path) ?? readFileSync(path);
  fontBytes.set(path, bytes);
  return bytes;
};

export const pdfFontMissing = (config: Pick<Config, 'pdfFont'>) => !existsSync(config.pdfFont);

/** The start-up warning when PDFs cannot be made here, or null when they can. */
export function pdfWarning(config: Pick<Config, 'pdfFont'>): string | null {
  return pdfFontMissing(config)
    ? `PDF scorecards are off: the CJK font ${config.pdfFont} is missing (apt-get install fonts-noto-cjk, or set JIXIAO_PDF_FONT to a .ttc/.ttf/.otf with Chinese glyphs); .xlsx exports still work`
    : null;
}

/** A new A4 document with the CJK font as `cjk` (503 `pdf.font_missing` when the file is not there). */
export function cjkDocument(config: Pick<Config, 'pdfFont'>, info: { title: string; subject?: string }) {
  if (pdfFontMissing(config)) throw unavailable('pdf.font_missing', { font: config.pdfFont });
  const doc = new PDFDocument({
    size: 'A4',
    margin: 40,
    bufferPages: true,
    info: {
      Title: info.title,
      ...(info.subject && { Subject: info.subject }),
      Creator: 'jixiao',
      Producer: 'jixiao',
    },
  });
  const collection = /\.(ttc|otc)$/i.test(config.pdfFont);
  doc.registerFont('cjk', fontOf(config.pdfFont), collection ? TTC_FACE : undefined);
  doc.font('cjk');
  return doc;
}

/** The finished document's bytes. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
