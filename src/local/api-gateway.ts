import { randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEvent } from '@aws-lambda-powertools/parser/types';
import type { APIGatewayProxyResult, Context } from 'aws-lambda';
import { lambdaContext } from './lambda-context.js';

export interface LocalApiOptions {
  readonly host: string;
  readonly port: number;
  readonly apiKey: string;
  /** Request bodies of these media types reach the function base64-encoded (`provider.apiGateway.binaryMediaTypes`). */
  readonly binaryMediaTypes: readonly string[];
  readonly stage: string;
  readonly functionName: string;
  readonly timeoutSeconds: number;
  readonly handler: (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;
}

export interface LocalApi {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

// The two resources serverless.yml declares, both `private: true` (API key required).
const RESOURCES = [
  { resource: '/summaries', pattern: /^\/summaries\/?$/ },
  { resource: '/summaries/{key+}', pattern: /^\/summaries\/(.+)$/ },
] as const;

// The methods API Gateway passes to an `any` method (the ones the proxy event type allows).
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
type HttpMethod = (typeof METHODS)[number];

// API Gateway's own limit on a request payload.
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

/**
 * Serves the API function over plain HTTP the way API Gateway (REST, v1 proxy integration) does:
 * checks the `x-api-key` header before the function runs (403 without a valid key), maps the path to
 * a resource (403 "Missing Authentication Token" for unknown paths, as API Gateway answers), builds the
 * proxy event, base64-encodes binary media types, and writes the function's response back.
 * There is no stage prefix in local URLs (`/summaries`, not `/dev/summaries`).
 */
export async function startLocalApi(options: LocalApiOptions): Promise<LocalApi> {
  const expectedKey = Buffer.from(options.apiKey);
  const serve = (request: IncomingMessage, response: ServerResponse, expectsContinue: boolean): void => {
    handle(request, response, expectsContinue).catch((error: unknown) => {
      // A bug in this emulator, not in the function: the function's own errors come back as responses.
      console.error('Local API gateway error', error);
      if (!response.headersSent) send(response, 502, { message: 'Internal server error' });
      else response.destroy();
    });
  };
  const server = createServer((request, response) => serve(request, response, false));
  // `Expect: 100-continue`: the client waits for a go-ahead before sending its body. Node would send
  // "100 Continue" before the route and the key are checked; here a refused request gets its final
  // status at once and its body is never uploaded, and an accepted one gets the 100 then.
  server.on('checkContinue', (request: IncomingMessage, response: ServerResponse) =>
    serve(request, response, true),
  );

  const handle = async (
    request: IncomingMessage,
    response: ServerResponse,
    expectsContinue: boolean,
  ): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const match = RESOURCES.map((r) => ({ ...r, found: r.pattern.exec(url.pathname) })).find(
      (r) => r.found !== null,
    );
    const method = METHODS.find((m) => m === request.method);
    if (match === undefined || method === undefined) {
      return send(response, 403, { message: 'Missing Authentication Token' });
    }
    // CORS preflight: answered by API Gateway's mock integration, without the key (browsers send none).
    if (method === 'OPTIONS') return send(response, 204, null);
    const given = Buffer.from(header(request, 'x-api-key') ?? '');
    if (given.length !== expectedKey.length || !timingSafeEqual(given, expectedKey)) {
      return send(response, 403, { message: 'Forbidden' });
    }
    const declared = Number(header(request, 'content-length') ?? '0');
    if (Number.isFinite(declared) && declared > MAX_PAYLOAD_BYTES) {
      return send(response, 413, { message: 'Request Too Long' });
    }
    if (expectsContinue) response.writeContinue();
    const body = await readBody(request);
    if (body === null) return send(response, 413, { message: 'Request Too Long' });
    const event = proxyEvent(request, url, body, {
      method,
      resource: match.resource,
      key: match.found?.[1] ?? null,
      apiKey: options.apiKey,
      stage: options.stage,
      binaryMediaTypes: options.binaryMediaTypes,
    });
    const result = await options.handler(event, lambdaContext(options.functionName, options.timeoutSeconds));
    writeResult(response, result);
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = addressOf(server);
  return {
    url: `http://${options.host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive clients (curl, the SDK) would otherwise hold the port open.
        server.closeAllConnections();
      }),
  };
}

function addressOf(server: Server): AddressInfo {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The API server has no TCP address');
  return address;
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readBody(request: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.byteLength;
    if (size > MAX_PAYLOAD_BYTES) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function proxyEvent(
  request: IncomingMessage,
  url: URL,
  body: Buffer,
  route: {
    method: HttpMethod;
    resource: string;
    key: string | null;
    apiKey: string;
    stage: string;
    binaryMediaTypes: readonly string[];
  },
): APIGatewayProxyEvent {
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  // rawHeaders keeps the client's spelling of header names, as API Gateway passes them.
  for (let i = 0; i + 1 < request.rawHeaders.length; i += 2) {
    const name = request.rawHeaders[i] ?? '';
    const value = request.rawHeaders[i + 1] ?? '';
    headers[name] = value;
    multiValueHeaders[name] = [...(multiValueHeaders[name] ?? []), value];
  }
  const query: Record<string, string> = {};
  const multiQuery: Record<string, string[]> = {};
  for (const [name, value] of url.searchParams) {
    query[name] = value;
    multiQuery[name] = [...(multiQuery[name] ?? []), value];
  }
  const hasQuery = Object.keys(query).length > 0;
  const mediaType = (header(request, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const binary = route.binaryMediaTypes.includes(mediaType);
  const { method } = route;
  const sourceIp = request.socket.remoteAddress ?? '127.0.0.1';
  const now = new Date();
  return {
    resource: route.resource,
    path: url.pathname,
    httpMethod: method,
    headers,
    multiValueHeaders,
    queryStringParameters: hasQuery ? query : null,
    multiValueQueryStringParameters: hasQuery ? multiQuery : null,
    // API Gateway passes the greedy parameter as it appeared in the URL (still percent-encoded).
    pathParameters: route.key === null ? null : { key: route.key },
    stageVariables: null,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      authorizer: null,
      domainName: url.host,
      domainPrefix: 'local',
      extendedRequestId: randomUUID(),
      httpMethod: method,
      identity: {
        accessKey: null,
        accountId: null,
        apiKey: route.apiKey,
        apiKeyId: 'local',
        caller: null,
        clientCert: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp,
        user: null,
        userAgent: header(request, 'user-agent') ?? null,
        userArn: null,
      },
      path: `/${route.stage}${url.pathname}`,
      protocol: `HTTP/${request.httpVersion}`,
      requestId: randomUUID(),
      requestTime: now.toUTCString(),
      requestTimeEpoch: now.getTime(),
      resourceId: 'local',
      resourcePath: route.resource,
      stage: route.stage,
    },
    body: body.byteLength === 0 ? null : binary ? body.toString('base64') : body.toString('utf8'),
    isBase64Encoded: binary && body.byteLength > 0,
  };
}

function writeResult(response: ServerResponse, result: APIGatewayProxyResult): void {
  for (const [name, value] of Object.entries(result.headers ?? {})) response.setHeader(name, String(value));
  for (const [name, values] of Object.entries(result.multiValueHeaders ?? {})) {
    response.setHeader(name, values.map(String));
  }
  response.statusCode = result.statusCode;
  response.end(result.isBase64Encoded === true ? Buffer.from(result.body, 'base64') : result.body);
}

function send(response: ServerResponse, status: number, body: unknown): void {
  // An answer before the body was read: the connection cannot be reused for the next request.
  if (!response.req.complete) response.shouldKeepAlive = false;
  response.statusCode = status;
  if (body === null) {
    response.end();
    return;
  }
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify(body));
}
