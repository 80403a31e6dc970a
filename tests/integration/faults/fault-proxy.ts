import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** What the proxy does instead of forwarding a request. */
export type Fault =
  /** Answers with an S3-style XML error, as S3 does for SlowDown, AccessDenied, NoSuchKey... */
  | { readonly kind: 'error'; readonly status: number; readonly code: string }
  /** Reads the request and never answers: the client's socket timeout has to fire. */
  | { readonly kind: 'stall' }
  /** Drops the connection without a response (ECONNRESET on the client). */
  | { readonly kind: 'reset' };

/** Matches requests on an object itself; requests on its subresources (`?tagging`...) pass through. */
export interface FaultRule {
  /** HTTP method to match (GET is GetObject, HEAD is HeadObject, PUT is PutObject); any if absent. */
  readonly method?: string;
  /** Object key (decoded) to match exactly; any if absent. */
  readonly key?: string;
  readonly fault: Fault;
  /** How many matching requests get the fault before they are forwarded again; default: all. */
  readonly times?: number;
}

/** One request the proxy saw. */
export interface ProxyHit {
  readonly method: string;
  readonly bucket: string;
  readonly key: string;
  /** The request's S3 subresource (`tagging`, `acl`, `uploads`...), or null for the object itself. */
  readonly subresource: string | null;
  readonly fault: Fault['kind'] | null;
}

/**
 * A real HTTP proxy on loopback between an S3 client and s3rver (path-style URLs) that injects the
 * failures S3 produces, so the SDK's own retry, timeout and error parsing run exactly as against S3.
 * Requests are forwarded unchanged, Host header included, so SigV4 signatures still verify.
 */
export interface FaultProxy {
  readonly url: string;
  readonly hits: readonly ProxyHit[];
  /** Where requests are forwarded (s3rver's endpoint); can be set after the proxy has started. */
  setTarget(endpoint: string): void;
  addRule(rule: FaultRule): void;
  clearRules(): void;
  /** Hits on one object itself (no subresource) by method, e.g. `count('GET', 'incoming/a.txt')`. */
  count(method: string, key: string): number;
  close(): Promise<void>;
}

export async function startFaultProxy(target?: string): Promise<FaultProxy> {
  let targetUrl: URL | null = target === undefined ? null : new URL(target);
  const rules: { rule: FaultRule; left: number }[] = [];
  const hits: ProxyHit[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    const { bucket, key, subresource } = parsePath(req.url ?? '/');
    const method = req.method ?? 'GET';
    const match = rules.find(
      (r) =>
        r.left > 0 &&
        subresource === null &&
        (r.rule.method === undefined || r.rule.method === method) &&
        (r.rule.key === undefined || r.rule.key === key),
    );
    if (match !== undefined) match.left -= 1;
    const fault = match?.rule.fault ?? null;
    hits.push({ method, bucket, key, subresource, fault: fault?.kind ?? null });
    if (fault === null) return forward(req, res);
    // Drain the body first, as S3 would, so the client is not stuck writing.
    req.resume();
    req.on('end', () => {
      if (fault.kind === 'reset') req.socket.destroy();
      else if (fault.kind === 'error') sendError(res, method, fault.status, fault.code);
      // 'stall': nothing is ever written; close() destroys the socket.
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const forward = (req: IncomingMessage, res: ServerResponse): void => {
    if (targetUrl === null) {
      sendError(res, req.method ?? 'GET', 502, 'ProxyHasNoTarget');
      return;
    }
    const upstream = httpRequest(
      {
        host: targetUrl.hostname,
        port: targetUrl.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fault proxy has no TCP address');
  const { port } = address;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    setTarget: (endpoint) => {
      targetUrl = new URL(endpoint);
    },
    addRule: (rule) => {
      rules.push({ rule, left: rule.times ?? Number.POSITIVE_INFINITY });
    },
    clearRules: () => {
      rules.length = 0;
    },
    count: (method, key) =>
      hits.filter((hit) => hit.method === method && hit.key === key && hit.subresource === null).length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function parsePath(url: string): { bucket: string; key: string; subresource: string | null } {
  const [path = '', query = ''] = url.split('?');
  const [bucket = '', ...rest] = path.replace(/^\//, '').split('/');
  // The SDK adds `x-id=GetObject` and the like to plain object requests; anything else names a
  // subresource (GetObjectTagging is `GET /bucket/key?tagging`).
  const names = [...new URLSearchParams(query).keys()].filter((name) => name !== 'x-id');
  return {
    bucket: decodeURIComponent(bucket),
    key: rest.map((part) => decodeURIComponent(part)).join('/'),
    subresource: names[0] ?? null,
  };
}

function sendError(res: ServerResponse, method: string, status: number, code: string): void {
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code>` +
    `<Message>Injected by the test proxy</Message><RequestId>FAULTPROXY</RequestId></Error>`;
  res.writeHead(status, { 'Content-Type': 'application/xml', 'x-amz-request-id': 'FAULTPROXY' });
  // HEAD responses carry no body; the SDK then names the error after the status (403 Forbidden...).
  res.end(method === 'HEAD' ? undefined : body);
}
