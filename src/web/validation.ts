/**
 * Route schemas (zod, through fastify-type-provider-zod) validate params, query strings and bodies before a handler
 * runs. A request they refuse is answered as a domain error: an address whose params do not fit names nothing
 * (NOT_FOUND), anything else is VALIDATION with a detail `field: problem` per issue.
 */
import type { FastifyError } from 'fastify';
import { DomainError } from '../lib/errors.js';

export function refusalOf(error: FastifyError): DomainError | null {
  if (!error.validation) return null;
  if (error.validationContext === 'params') return new DomainError('NOT_FOUND', 'There is nothing at this address.');
  const details = error.validation.map((issue) => `${issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || error.validationContext}: ${issue.message ?? 'not valid'}`);
  return new DomainError('VALIDATION', 'Some of the data sent is not valid.', details);
}
