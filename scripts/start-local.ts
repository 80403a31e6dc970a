/**
 * `npm start`: the whole flow on this machine. s3rver with the bucket, the upload trigger running the
 * onUpload function, and the API with an API key, all on loopback. Ctrl-C stops everything; the
 * objects stay under the data directory for the next start.
 */
import { relative } from 'node:path';
import { readServiceConfig } from '../src/local/service-config.js';
import { loadLocalSettings } from '../src/local/settings.js';
import { PortInUseError, startLocalStack } from '../src/local/stack.js';
import type { TriggerOutcome } from '../src/local/upload-trigger.js';

const settings = loadLocalSettings(process.env, process.cwd());
// Metrics are EMF lines on stdout for CloudWatch: noise on a terminal. Powertools reads this itself,
// when the functions' Metrics objects are built.
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';

const report = (outcome: TriggerOutcome): void => {
  const ms = `${Math.round(outcome.ms)} ms`;
  if (outcome.ok) console.log(`onUpload: ${outcome.key} analysed (${ms}, attempt ${outcome.attempt})`);
  else {
    const next = outcome.willRetry
      ? 'will be retried'
      : `retries spent; event written to ${outcome.failedEventPath ?? '(no failure destination)'}`;
    console.error(
      `onUpload: ${outcome.key} FAILED (${ms}, attempt ${outcome.attempt}); ${next}`,
      outcome.error,
    );
  }
};

// LEDE_* variables set here (LEDE_MAX_BYTES, LEDE_LOG_LEVEL...) override serverless.yml's for a local run.
// serverless.yml, resolved by osls: the functions' environment, the trigger's prefix, binary media
// types and timeouts come from it, so the local run follows the deployed configuration.
const service = await readServiceConfig(process.cwd());
const stack = await startLocalStack(settings, { service, env: process.env, onInvoked: report }).catch(
  (error: unknown) => {
    if (error instanceof PortInUseError) {
      console.error(`Cannot start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  },
);

const { inputPrefix, outputPrefix } = stack.config;
const s3 = stack.s3Endpoint;
// The helper finds the stack through the same LEDE_LOCAL_* variables: repeat the ones that differ.
const uploadEnv = [
  settings.s3Port === 4569 ? '' : `LEDE_LOCAL_S3_PORT=${new URL(s3).port} `,
  settings.bucket === 'articles' ? '' : `LEDE_LOCAL_BUCKET=${settings.bucket} `,
].join('');
const creds = 'AWS_ACCESS_KEY_ID=S3RVER AWS_SECRET_ACCESS_KEY=S3RVER AWS_REGION=us-east-1';
const fromCwd = relative(process.cwd(), settings.dataDir);
const dataDir = fromCwd === '' ? '.' : fromCwd.startsWith('..') ? settings.dataDir : fromCwd;
console.log(`
lede is running locally (Ctrl-C to stop; objects are kept in ${dataDir}/)

  S3 (s3rver)   ${s3}   bucket "${stack.bucket}", credentials S3RVER / S3RVER
  trigger       objects created under ${inputPrefix} -> onUpload -> ${outputPrefix}<key>.json
  failures      events still failing after Lambda's retries -> ${stack.failedDir ?? '(none: no onFailure destination)'}
  API           ${stack.apiUrl}   POST /summaries, GET /summaries/{key+}
  API key       ${stack.apiKey}${settings.apiKeyFromEnv ? '   (from LEDE_LOCAL_API_KEY)' : '   (generated; set LEDE_LOCAL_API_KEY to keep one)'}

Try it (in another terminal):

  # upload with the bundled helper (waits for each analysis and prints its summary and main tags;
  # add --json for the whole document)
  ${uploadEnv}npm run upload -- tests/fixtures/articles/shipping-merger.txt

  # or with the AWS CLI
  ${creds} aws --endpoint-url ${s3} s3 cp story.txt s3://${stack.bucket}/${inputPrefix}story.txt
  ${creds} aws --endpoint-url ${s3} s3 cp s3://${stack.bucket}/${outputPrefix}story.txt.json -

  # read a summary back through the API
  curl -H 'x-api-key: ${stack.apiKey}' ${stack.apiUrl}/summaries/shipping-merger.txt

  # summarise without storing anything
  curl -H 'x-api-key: ${stack.apiKey}' -H 'content-type: text/plain' --data-binary @tests/fixtures/articles/shipping-merger.txt ${stack.apiUrl}/summaries
`);

let stopping = false;
const stop = (signal: NodeJS.Signals): void => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping (waiting for running invocations)...`);
  stack.close().then(
    () => {
      console.log('Stopped; ports freed, data kept.');
      process.exit(0);
    },
    (error: unknown) => {
      console.error('Failed to stop cleanly', error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
