import type { Logger } from '@aws-lambda-powertools/logger';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { toLedeError } from '../../errors.js';
import { RouteMethodNotAllowedError } from '../api-request.js';
import { jsonResponse } from '../http-response.js';

/**
 * Turns any error into `{error: {code, message}}` with the error's status. Bodies come from
 * `LedeError.toJSON()` (never `JSON.stringify(error)`), which hides the message of 5xx errors, so
 * internals stay in the logs.
 */
export function httpErrors(options: { logger: Logger }): MiddlewareObj<unknown, APIGatewayProxyResult> {
  return {
    onError: (request) => {
      const error = toLedeError(request.error);
      if (error.status >= 500) options.logger.error('Request failed', { error: request.error ?? undefined });
      else options.logger.info('Request refused', { code: error.code, status: error.status });
      const headers: Record<string, string> =
        error instanceof RouteMethodNotAllowedError ? { Allow: error.allow.join(', ') } : {};
      request.response = jsonResponse(error.status, { error: error.toJSON() }, headers);
    },
  };
}
