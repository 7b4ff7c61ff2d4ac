import 'server-only';
import { ApiError } from '../errors/api-error';
import { errorResponse, requestId } from './http.server';

function shownPath(request: Request): string {
  return new URL(request.url).pathname.replace(/^\/api\/offline/, '').slice(0, 200);
}

/** What the real API answers for a path it does not serve, e.g. the seed's `POST /v1/images`. */
export function notFound(request: Request): Response {
  return errorResponse(
    new ApiError(404, { message: `Invalid URL (${request.method} ${shownPath(request)})`, type: 'invalid_request_error' }),
    requestId(),
  );
}

/**
 * A handler for the methods a route does not take: the real API's 405 "Invalid method for URL" in its error
 * shape, where Next.js would answer an empty 405 that the SDK cannot read.
 */
export function methodNotAllowed(...allowed: string[]): (request: Request) => Response {
  return (request) =>
    errorResponse(
      new ApiError(
        405,
        { message: `Invalid method for URL (${request.method} ${shownPath(request)})`, type: 'invalid_request_error' },
        { allow: [...allowed, 'OPTIONS'].join(', ') },
      ),
      requestId(),
    );
}
