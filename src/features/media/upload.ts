/**
 * Reading an image upload (multipart/form-data): the CSRF token first, then the fields and the one file. What the
 * parser cannot read, or what is over its limits, is refused as the client's body, never as a fault of ours.
 */
import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../lib/errors.js';
import type { UploadInput } from './service.js';

/** Limits of the multipart parser that mean "too large" (413), as opposed to a malformed request. */
const TOO_LARGE = new Set(['FST_REQ_FILE_TOO_LARGE', 'FST_FILES_LIMIT', 'FST_PARTS_LIMIT', 'FST_FIELDS_LIMIT']);
const isTooLarge = (error: unknown) => typeof (error as { code?: unknown })?.code === 'string' && TOO_LARGE.has((error as { code: string }).code);

/**
 * Reads a multipart upload: the image in its `file` field, and its caption, credit and alt text. The CSRF token comes
 * from the x-csrf-token header (the editor's fetch) or from a `_csrf` field that precedes the file (the HTML form);
 * `verifyCsrf` checks it before anything of the file is read.
 */
export async function readUpload(request: FastifyRequest, verifyCsrf: (token?: string) => void): Promise<UploadInput> {
  if (!request.isMultipart()) throw new DomainError('VALIDATION', 'Send the image as multipart/form-data with a “file” field.', ['file: required']);
  let verified = false;
  const verify = (token?: string) => {
    verifyCsrf(token);
    verified = true;
  };
  if (typeof request.headers['x-csrf-token'] === 'string') verify();
  const fields: Record<string, string> = {};
  let file: { buffer: Buffer; filename: string } | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        const value = typeof part.value === 'string' ? part.value : String(part.value ?? '');
        if (part.fieldname === '_csrf') {
          if (!verified) verify(value);
        } else if (!(part.fieldname in fields)) fields[part.fieldname] = value;
        continue;
      }
      if (!verified) verify();
      const buffer = await part.toBuffer();
      if (part.fieldname === 'file' && !file) file = { buffer, filename: part.filename };
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (isTooLarge(error)) throw new DomainError('PAYLOAD_TOO_LARGE', 'The file is larger than the upload limit.');
    // Whatever else the parser or the body stream throws is the client's body: cut off, without its closing
    // boundary, no boundary at all, and the like.
    throw new DomainError('BAD_REQUEST', 'The upload could not be read: the multipart/form-data body is cut off or malformed. Send the file again.');
  }
  if (!verified) verify();
  if (!file) throw new DomainError('VALIDATION', 'Attach the image in a “file” field.', ['file: required']);
  return { ...file, caption: fields.caption, credit: fields.credit, alt: fields.alt };
}
