/**
 * One error type for the whole app, shaped like OpenAI's `{error:{message,type,param,code}}` (api-reference §7),
 * so the offline API, server validation and the UI all speak the same codes.
 */
export interface ApiErrorBody {
  message: string;
  type: string;
  param: string | null;
  code: string | null;
}

/**
 * Marks an ApiError whichever copy of this module made it. Next.js may bundle a module more than once (a route
 * handler's chunk and the server actions' chunk), and objects kept on globalThis (the upload store) then return
 * errors of the other copy's class: a plain `instanceof` said no, and an over-limit upload was read whole.
 */
const BRAND = Symbol.for('image-playground.ApiError');

export class ApiError extends Error {
  readonly [BRAND] = true;

  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  readonly status: number;
  readonly type: string;
  readonly param: string | null;
  readonly code: string | null;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    body: Partial<ApiErrorBody> & { message: string },
    headers: Record<string, string> = {},
  ) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.type = body.type ?? (status >= 500 ? 'server_error' : 'invalid_request_error');
    this.param = body.param ?? null;
    this.code = body.code ?? null;
    this.headers = headers;
  }

  toBody(): { error: ApiErrorBody } {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

/** A 400 invalid_request_error naming the field: the most common validation failure. */
export function invalid(param: string | null, code: string | null, message: string): ApiError {
  return new ApiError(400, { message, type: 'invalid_request_error', param, code });
}

/** "'a', 'b', and 'c'" as the real API lists allowed values. */
export function listValues(values: readonly (string | number)[]): string {
  const quoted = values.map((v) => `'${v}'`);
  if (quoted.length <= 1) return quoted.join('');
  if (quoted.length === 2) return `${quoted[0]} and ${quoted[1]}`;
  return `${quoted.slice(0, -1).join(', ')}, and ${quoted[quoted.length - 1]}`;
}

/** A JSON value's type as the real API names it in invalid_type errors ("a string", "an integer", …). */
export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'an integer' : 'a decimal';
  return `a ${typeof v}`;
}

/** 400 invalid_type: "Invalid type for 'x': expected …, but got … instead." */
export function wrongType(param: string, expected: string, v: unknown): ApiError {
  return invalid(param, 'invalid_type', `Invalid type for '${param}': expected ${expected}, but got ${typeName(v)} instead.`);
}
