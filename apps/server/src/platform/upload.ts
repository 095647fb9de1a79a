import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

/** An uploaded file as the services take it. */
export interface UploadedFile {
  fileName: string;
  data: Buffer;
}

/** The error of a request without its file: `what` names it ("the spreadsheet"). */
export const noFile = (what = 'the file') =>
  new AppError('VALIDATION_FAILED', `file: send multipart/form-data with ${what} in a field named "file"`, [
    { path: 'file', message: 'required' },
  ]);

/** The uploaded file of a multipart request (field "file"), with its name. */
export async function fileOf(req: FastifyRequest, what?: string): Promise<UploadedFile> {
  if (!req.isMultipart()) throw noFile(what);
  const part = await req.file();
  if (part?.fieldname !== 'file') throw noFile(what);
  return { fileName: part.filename, data: await part.toBuffer() };
}

/** The file (field "file") and the text fields of a multipart request, in any order. */
export async function fileWithFields(
  req: FastifyRequest,
): Promise<UploadedFile & { fields: Map<string, string> }> {
  if (!req.isMultipart()) throw noFile();
  let file: UploadedFile | null = null;
  const fields = new Map<string, string>();
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file' || file) throw noFile();
      file = { fileName: part.filename, data: await part.toBuffer() };
    } else fields.set(part.fieldname, String(part.value));
  }
  if (!file) throw noFile();
  return { ...file, fields };
}
