// One cold invocation, in a fresh process (see cold.ts): imports a bundled handler module, as the
// Lambda runtime does at init, invokes it once with one event, prints its own timings and exits.
// Bundled to plain JavaScript before it runs, so no TypeScript loader is timed.
// Usage: node invoke-child.mjs <handler.mjs> <event.json>
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { lambdaContext } from '../../src/local/lambda-context.js';
import { formatChildReport } from './child-report.js';

type Handler = (event: unknown, context: Context) => Promise<unknown>;

const [handlerPath, eventPath] = process.argv.slice(2);
if (handlerPath === undefined || eventPath === undefined) {
  throw new Error('usage: invoke-child.mjs <handler.mjs> <event.json>');
}
// Read before the clock starts on the handler: the runtime has the event in memory when it invokes.
const event: unknown = JSON.parse(readFileSync(eventPath, 'utf-8'));
const functionName = process.env.AWS_LAMBDA_FUNCTION_NAME ?? 'bench';
// The local stack's context, with the template's 29 s API timeout.
const context = lambdaContext(functionName, 29);

const startMs = performance.now();
const module: { handler?: unknown } = await import(pathToFileURL(handlerPath).href);
const importedMs = performance.now();
if (typeof module.handler !== 'function') throw new Error(`${handlerPath} exports no handler`);
const handler = module.handler as Handler;
const response = await handler(event, context);
const respondedMs = performance.now();

const status =
  typeof response === 'object' && response !== null && 'statusCode' in response
    ? Number(response.statusCode)
    : 0;
process.stdout.write(formatChildReport({ startMs, importedMs, respondedMs, status }));
// The S3 client may hold a keep-alive socket open; the runtime would freeze the process here.
process.exit(0);
