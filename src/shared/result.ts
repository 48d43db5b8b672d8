// The Result type that crosses the IPC boundary, and the domain error services throw.
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'locked'
  | 'io'
  | 'internal';

export interface AppErrorInfo {
  code: ErrorCode;
  /** French, ready to show to the coordinator. */
  message: string;
  /** Field path for form errors, when the error belongs to one field. */
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorInfo };

/** Thrown by services; converted to `{ ok: false }` at the boundary. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.field = field;
  }
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, field?: string): Result<never> => ({
  ok: false,
  error: field ? { code, message, field } : { code, message },
});
