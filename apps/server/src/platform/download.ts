import type { FastifyReply } from 'fastify';

/** The media type of an .xlsx workbook. */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file a service hands back for download. */
export interface Download {
  fileName: string;
  contentType: string;
  data: Buffer | string;
  /** What a client without RFC 5987 sees when the name is not ASCII; by default the name with `_`. */
  asciiName?: string;
}

/**
 * RFC 6266 / 5987: an ASCII name as it is; any other with an ASCII fallback and its UTF-8 form, so
 * Chinese names survive every browser.
 */
export function contentDisposition(fileName: string, asciiName?: string) {
  const ascii = (asciiName ?? fileName).replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  if (ascii === fileName && encoded === fileName) return `attachment; filename="${ascii}"`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Answers with the file, as an attachment never sniffed for another type. */
export const sendFile = (reply: FastifyReply, file: Download) =>
  reply
    .header('content-type', file.contentType)
    .header('content-disposition', contentDisposition(file.fileName, file.asciiName))
    .header('x-content-type-options', 'nosniff')
    .send(file.data);
