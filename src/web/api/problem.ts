import { type TLocale, type TProblem, ZProblemSchema } from '../../contracts/index.js';

/**
 * Every failed API call becomes an ApiError. `problem` is the server's RFC 7807 body when it sent one;
 * network failures and unexpected bodies still get a status so screens can react uniformly.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: TProblem | null;

  constructor(status: number, problem: TProblem | null, message?: string) {
    super(message ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  get isUnauthorized(): boolean {
    return this.status === 401;
  }

  /** The server answers 404 both for missing records and for records outside the user's scope. */
  get isNotFound(): boolean {
    return this.status === 404;
  }

  get isLocked(): boolean {
    return this.status === 429;
  }

  /** Title and detail in the UI language, if the server gave them. */
  localized(locale: TLocale): { title: string; detail?: string } | null {
    return this.problem ? this.problem.localized[locale] : null;
  }

  fieldErrors(locale: TLocale): { field: string; message: string }[] {
    return (this.problem?.errors ?? []).map((e) => ({ field: e.field, message: e.message[locale] }));
  }
}

export function parseProblem(body: unknown): TProblem | null {
  const parsed = ZProblemSchema.safeParse(body);
  return parsed.success ? parsed.data : null;
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
