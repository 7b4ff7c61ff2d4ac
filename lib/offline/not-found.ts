import { ApiError } from '../errors/api-error';
import { errorResponse, requestId } from './http';

/** What the real API answers for a path it does not serve, e.g. the seed's `POST /v1/images`. */
export function notFound(request: Request): Response {
  const path = new URL(request.url).pathname.replace(/^\/api\/offline/, '');
  return errorResponse(
    new ApiError(404, { message: `Invalid URL (${request.method} ${path.slice(0, 200)})`, type: 'invalid_request_error' }),
    requestId(),
  );
}
