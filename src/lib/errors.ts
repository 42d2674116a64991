/** Domain errors carry a stable code; web/errors.ts maps each code to a status and a message. */
export type ErrorCode =
  | 'NOT_FOUND'
  | 'VALIDATION'
  | 'SLUG_TAKEN'
  | 'ARTICLE_NOT_FOUND'
  | 'INVALID_TRANSITION'
  | 'BAD_ORIGIN'
  | 'RATE_LIMITED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CSRF'
  | 'SIGN_IN_FAILED'
  | 'ACCOUNT_LOCKED'
  | 'MFA_INVALID'
  | 'LINK_INVALID'
  | 'EMAIL_TAKEN'
  | 'IMAGE_INVALID'
  | 'IMAGE_IN_USE'
  | 'RUBRIC_IN_USE'
  | 'CONFLICT'
  | 'SETTINGS_INVALID'
  | 'BAD_REQUEST'
  | 'PAYLOAD_TOO_LARGE';

/** Named values a translated sentence about the error needs: the address that is taken, who holds it, a count. */
export type ErrorFacts = Readonly<Record<string, string | number | readonly string[]>>;

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: string[],
    readonly facts?: ErrorFacts,
  ) {
    super(message);
  }
}
