import type { APIGatewayProxyResult } from 'aws-lambda';

const JSON_TYPE = 'application/json; charset=utf-8';

/** The one place API responses are shaped: JSON body, JSON content type. */
export function jsonResponse(
  statusCode: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): APIGatewayProxyResult {
  return { statusCode, headers: { 'Content-Type': JSON_TYPE, ...headers }, body: JSON.stringify(body) };
}

/** A response whose body is already serialised JSON (a stored analysis), passed through untouched. */
export function rawJsonResponse(statusCode: number, json: string): APIGatewayProxyResult {
  return { statusCode, headers: { 'Content-Type': JSON_TYPE }, body: json };
}
