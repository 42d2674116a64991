/** One catalogue: error code → HTTP status → a message a person understands. docs/errors.md lists them. */
import type { IncomingMessage } from 'node:http';
import type { ErrorCode } from '../lib/errors.js';
import { isDatabaseUnavailable } from '../storage/unavailable.js';

export interface CatalogueEntry {
  status: number;
  message: string;
}

export const ERROR_CATALOGUE: Record<ErrorCode | 'BAD_REQUEST' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE' | 'UNAVAILABLE' | 'INTERNAL', CatalogueEntry> = {
  NOT_FOUND: { status: 404, message: 'There is nothing at this address.' },
  ARTICLE_NOT_FOUND: { status: 404, message: 'This article does not exist or is not published.' },
  VALIDATION: { status: 400, message: 'Some of the data sent is not valid.' },
  SLUG_TAKEN: { status: 409, message: 'This address is already in use.' },
  INVALID_TRANSITION: { status: 409, message: 'The article cannot move to that state from its current one.' },
  BAD_ORIGIN: { status: 403, message: 'This request must come from a page of this site.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests. Please wait a minute and try again.' },
  UNAUTHENTICATED: { status: 401, message: 'Please sign in first.' },
  FORBIDDEN: { status: 403, message: 'Your role does not allow this.' },
  CSRF: { status: 403, message: 'The form has expired. Reload the page and try again.' },
  SIGN_IN_FAILED: { status: 401, message: 'The e-mail or the password is wrong.' },
  ACCOUNT_LOCKED: { status: 429, message: 'Too many failed attempts. Wait a while and try again.' },
  MFA_INVALID: { status: 401, message: 'The code is wrong or has expired.' },
  LINK_INVALID: { status: 410, message: 'This link has expired or has already been used.' },
  EMAIL_TAKEN: { status: 409, message: 'An account with this e-mail already exists.' },
  IMAGE_INVALID: { status: 415, message: 'This file is not an image we can use (JPEG, PNG, WebP, GIF or AVIF up to 15 MB).' },
  IMAGE_IN_USE: { status: 409, message: 'This image is used by an article and cannot be deleted.' },
  RUBRIC_IN_USE: { status: 409, message: 'Articles use this rubric, so it cannot be deleted.' },
  CONFLICT: { status: 409, message: 'Someone else changed this in the meantime. Reload and try again.' },
  SETTINGS_INVALID: { status: 400, message: 'A setting has a value it cannot take.' },
  BAD_REQUEST: { status: 400, message: 'The request could not be understood.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'This content type is not accepted here.' },
  UNAVAILABLE: { status: 503, message: 'The site cannot reach its database just now. Please try again in a minute.' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side. The error has been logged.' },
};

export type CatalogueCode = keyof typeof ERROR_CATALOGUE;

/** Seconds a client is asked to wait (Retry-After) when the database is unavailable. */
export const RETRY_AFTER_SECONDS = 30;

type RequestError = Error & { code?: string; statusCode?: number };

/**
 * Maps an error that is not a DomainError onto the catalogue: Fastify's own errors about the request (they carry
 * a 4xx status, which no database driver sets), an unavailable database, or a fault of ours.
 */
export function codeForError(error: RequestError): CatalogueCode {
  return !isAboutTheRequest(error) && isDatabaseUnavailable(error) ? 'UNAVAILABLE' : codeForFrameworkError(error);
}

/**
 * Whether the client closed the connection before its request was read: the error is the request stream's own
 * (Node's ECONNRESET "aborted"), or one that a body parser raised about it. Nobody is left to answer.
 */
export function isClientAbort(error: RequestError, request: IncomingMessage): boolean {
  return Boolean(request.errored) && (error === request.errored || isAboutTheRequest(error));
}

function isAboutTheRequest(error: RequestError): boolean {
  return typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500;
}

/** Maps Fastify's own error codes (body parsing, limits) onto the catalogue. */
function codeForFrameworkError(error: { code?: string; statusCode?: number }): CatalogueCode {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'PAYLOAD_TOO_LARGE';
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'UNSUPPORTED_MEDIA_TYPE';
  if (error.statusCode === 429) return 'RATE_LIMITED';
  if (error.statusCode === 404) return 'NOT_FOUND';
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return 'BAD_REQUEST';
  return 'INTERNAL';
}
