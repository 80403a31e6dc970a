import { Socket } from 'node:net';
import { APIGatewayProxyEventSchema } from '@aws-lambda-powertools/parser/schemas/api-gateway';
import { S3Schema } from '@aws-lambda-powertools/parser/schemas/s3';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { loadConfig } from '../../../src/config.js';
import { createApiHandler } from '../../../src/handlers/api.js';
import { createOnUploadHandler } from '../../../src/handlers/on-upload.js';
import {
  getObject,
  type LocalS3,
  lambdaContext,
  loadEvent,
  putObject,
  silentLogger,
  startLocalS3,
} from '../lambda/support.js';
import { type RecordingServer, startRecordingServer } from './recording-server.js';

const BUCKET = 'lede-test-html';
let local: LocalS3;
let recorder: RecordingServer;

beforeAll(async () => {
  local = await startLocalS3([BUCKET]);
  recorder = await startRecordingServer();
});
afterEach(() => {
  vi.restoreAllMocks();
  Reflect.deleteProperty(globalThis, '__ledeScriptRan');
});
afterAll(async () => {
  await recorder.close();
  await local.stop();
});

/**
 * An article wrapped in every way HTML has of running code or loading something: inline and external
 * scripts, event handlers, javascript: URLs, meta refresh, stylesheets and @import, images, frames,
 * objects, SVG, media, preload links and a base href. Each points at the recording server.
 */
function hostilePage(base: string): string {
  const mark = (name: string) => `${base}/${name}`;
  const run = (name: string) =>
    `globalThis.__ledeScriptRan = '${name}'; fetch('${mark(name)}'); new Image().src = '${mark(`${name}-img`)}';`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Lighthouse keepers return to Skerry Point</title>
<base href="${mark('base/')}">
<meta http-equiv="refresh" content="0; url=${mark('meta-refresh')}">
<link rel="stylesheet" href="${mark('style.css')}">
<link rel="preload" as="script" href="${mark('preload.js')}">
<link rel="prefetch" href="${mark('prefetch')}">
<link rel="icon" href="${mark('favicon.ico')}">
<script src="${mark('external.js')}"></script>
<script>${run('inline-head')}</script>
<script type="module">${run('module')}</script>
<style>@import url("${mark('import.css')}"); body { background: url(${mark('bg.png')}); }</style>
</head>
<body onload="${run('body-onload')}">
<article>
<h1>Lighthouse keepers return to Skerry Point</h1>
<p>For the first time in forty years, two keepers will live at the Skerry Point lighthouse this winter, after the harbour trust decided that the automated lamp needed people on hand during the storm season.</p>
<img src="${mark('photo.jpg')}" srcset="${mark('photo-2x.jpg')} 2x" onerror="${run('img-onerror')}" alt="The lighthouse at dusk">
<p>The trust said the lamp had failed three times last year, each time during a gale, and that the nearest engineer was a two-hour boat ride away when the sea allowed the crossing at all.</p>
<svg onload="${run('svg-onload')}"><image href="${mark('svg-image.png')}"></image><script>${run('svg-script')}</script></svg>
<p>The keepers, a retired fisherman and his daughter, will be paid by the trust and will also record the weather every three hours for the national forecast service, as keepers did until 1985.</p>
<iframe src="${mark('iframe')}" onload="${run('iframe-onload')}"></iframe>
<object data="${mark('object')}"></object><embed src="${mark('embed')}">
<video poster="${mark('poster.jpg')}" src="${mark('video.mp4')}" autoplay onplay="${run('video-onplay')}"></video>
<p>Local boat owners welcomed the decision. <a href="javascript:${run('js-href')}">Read the trust's statement</a> or <a href="${mark('link')}" onmouseover="${run('a-onmouseover')}">the forecast</a>.</p>
<form action="${mark('form')}"><input autofocus onfocus="${run('input-onfocus')}"></form>
<details open ontoggle="${run('details-ontoggle')}"><summary>More</summary></details>
</article>
</body></html>
`;
}

/** Records every outgoing TCP connection and fetch made while `action` runs. */
async function watchNetwork<T>(action: () => Promise<T>): Promise<{ result: T; connections: string[] }> {
  const connections: string[] = [];
  const connect = Socket.prototype.connect;
  vi.spyOn(Socket.prototype, 'connect').mockImplementation(function (this: Socket, ...args: unknown[]) {
    // Where it connects to, only: the options can also hold the agent, which refers back to its sockets.
    connections.push(JSON.stringify(args[0], ['host', 'port', 'path']));
    return Reflect.apply(connect, this, args);
  });
  const fetchSpy = vi.spyOn(globalThis, 'fetch');
  const result = await action();
  connections.push(...fetchSpy.mock.calls.map((call) => `fetch ${String(call[0])}`));
  vi.restoreAllMocks();
  return { result, connections };
}

describe('HTML is parsed, never executed', () => {
  it('(control) the watch sees a request when one is made', async () => {
    const { connections } = await watchNetwork(async () => (await fetch(`${recorder.url}/control`)).text());

    expect(connections.length).toBeGreaterThan(0);
    expect(await recorder.flush()).toEqual(['/control']);
    recorder.paths.splice(0);
  });

  it('POST /summaries: no script or handler runs and no request is made', async () => {
    const handler = createApiHandler({
      s3: local.client,
      config: loadConfig({ LEDE_BUCKET: BUCKET }),
      logger: silentLogger(),
    });
    const event = structuredClone(APIGatewayProxyEventSchema.parse(await loadEvent('api-post-html.json')));
    event.body = hostilePage(recorder.url);
    event.isBase64Encoded = false;

    const { result, connections } = await watchNetwork(() => handler(event, lambdaContext('lede-dev-api')));

    expect(result.statusCode).toBe(200);
    const body = JSON.parse(result.body);
    expect(body).toMatchObject({ status: 'ok', format: 'html' });
    expect(JSON.stringify(body.summary)).toMatch(/keepers/);
    expect(result.body).not.toMatch(/__ledeScriptRan|fetch\(/);
    expect(connections).toEqual([]);
    expect(Reflect.get(globalThis, '__ledeScriptRan')).toBeUndefined();
    expect(await recorder.flush()).toEqual([]);
  });

  it('onUpload: an uploaded hostile page is analysed with no script run and nothing fetched', async () => {
    const key = 'incoming/hostile/lighthouse.html';
    await putObject(local.client, BUCKET, key, hostilePage(recorder.url), 'text/html; charset=utf-8');
    const event = structuredClone(S3Schema.parse(await loadEvent('s3-put.json')));
    for (const record of event.Records) {
      record.s3.bucket.name = BUCKET;
      record.s3.object.key = 'incoming/hostile/lighthouse.html';
      delete record.s3.object.size;
    }
    const handler = createOnUploadHandler({
      s3: local.client,
      config: loadConfig({ LEDE_BUCKET: BUCKET }),
      logger: silentLogger(),
    });
    const s3rverPort = Number(new URL(local.endpoint).port);

    const { connections } = await watchNetwork(() => handler(event, lambdaContext('lede-dev-onUpload')));

    const stored = JSON.parse(
      (await getObject(local.client, BUCKET, 'summaries/hostile/lighthouse.html.json')).text,
    );
    expect(stored).toMatchObject({ status: 'ok', format: 'html' });
    // The S3 client's own connections to s3rver are expected; nothing else.
    const recorderPort = Number(new URL(recorder.url).port);
    expect(connections.filter((c) => !c.includes(`"port":${s3rverPort}`))).toEqual([]);
    expect(connections.some((c) => c.includes(String(recorderPort)))).toBe(false);
    expect(Reflect.get(globalThis, '__ledeScriptRan')).toBeUndefined();
    expect(await recorder.flush()).toEqual([]);
  });
});
