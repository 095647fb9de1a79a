/**
 * Content-type detection from a file's first bytes. Evidence files (辅证资料) are accepted by what
 * they are, not by what their name says: a renamed executable must not pass as a PDF.
 */
export const evidenceTypes = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/x-ole-storage': ['doc', 'xls', 'ppt'],
  'application/zip': ['zip'],
} as const;
export type SniffedType = keyof typeof evidenceTypes;

const startsWith = (buf: Uint8Array, sig: number[], offset = 0) =>
  buf.length >= offset + sig.length && sig.every((b, i) => buf[offset + i] === b);

const ascii = (buf: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...buf.subarray(from, Math.min(to, buf.length)));

/** The OOXML flavour of a ZIP, from the part names in its (uncompressed) local file headers. */
function ooxmlKind(buf: Uint8Array): SniffedType {
  // Part names are stored in plain text in the local headers; the first few KB are enough.
  const head = ascii(buf, 0, Math.min(buf.length, 64 * 1024));
  if (!head.includes('[Content_Types].xml')) return 'application/zip';
  if (head.includes('word/'))
    return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (head.includes('xl/')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (head.includes('ppt/'))
    return 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
  return 'application/zip';
}

export function sniff(buf: Uint8Array): SniffedType | null {
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(buf, 0, 6) === 'GIF87a' || ascii(buf, 0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(buf, 0, 4) === 'RIFF' && ascii(buf, 8, 12) === 'WEBP') return 'image/webp';
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return ooxmlKind(buf);
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'application/x-ole-storage';
  return null;
}

/** The file name's extension agrees with the sniffed type (a .pdf that is a PNG is refused). */
export function extensionMatches(fileName: string, type: SniffedType): boolean {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  return (evidenceTypes[type] as readonly string[]).includes(ext);
}
