import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyResult } from 'aws-lambda';

/**
 * Adds `Access-Control-Allow-Origin` for the single configured origin, on successes and errors alike
 * (use it first so its `after`/`onError` run last). Preflight `OPTIONS` is answered by API Gateway,
 * configured in serverless.yml. With no origin configured it does nothing.
 * Written here rather than taken from `@middy/http-cors`: one static origin needs none of its
 * origin matching, and this keeps ~10 KB and an options schema out of the bundle.
 */
export function cors(origin: string | null): MiddlewareObj<unknown, APIGatewayProxyResult> {
  const addHeaders = (request: { response: APIGatewayProxyResult | null | undefined }): void => {
    if (origin === null || !request.response) return;
    request.response.headers = {
      ...request.response.headers,
      'Access-Control-Allow-Origin': origin,
      ...(origin === '*' ? {} : { Vary: 'Origin' }),
    };
  };
  return { after: addHeaders, onError: addHeaders };
}
