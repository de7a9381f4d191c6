// One error type for expected failures. Messages are Chinese and safe to show to the user.
// STALE: the form was loaded before someone else changed the row (docs/decisions/0010); the form offers to
// reload the page's data and keeps what was typed.
export type AppErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "VALIDATION" | "CONFLICT" | "STALE" | "INVALID_STATE";

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors?: Record<string, string[]>;

  constructor(code: AppErrorCode, message: string, fieldErrors?: Record<string, string[]>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** The HTTP status of each code, for route handlers (one mapping for all of them). */
export const HTTP_STATUS_OF_ERROR: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  STALE: 409,
  INVALID_STATE: 409,
};

/** A route handler's JSON answer to a request it refuses before reaching the data layer, never cached. */
export function errorResponse(status: number, message: string): Response {
  return Response.json({ message }, { status, headers: { "Cache-Control": "no-store" } });
}

/** A route handler's JSON answer to an expected failure: the status from HTTP_STATUS_OF_ERROR, never cached. */
export function appErrorResponse(error: AppError, message: string = error.message): Response {
  return Response.json(
    error.fieldErrors ? { message, fieldErrors: error.fieldErrors } : { message },
    { status: HTTP_STATUS_OF_ERROR[error.code], headers: { "Cache-Control": "no-store" } },
  );
}

/** The result every server action returns. */
export type ActionResult<T = undefined> =
  | { ok: true; message?: string; data?: T }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]>; code?: AppErrorCode };
