import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { S3Event } from '@aws-lambda-powertools/parser/types';
import type { Context } from 'aws-lambda';
import {
  describeFailure,
  type FailedInvocationRecord,
  type FailureDestination,
} from './failure-destination.js';
import { lambdaContext } from './lambda-context.js';
import { awsS3Event, type ObjectEvent, objectEvents } from './s3-event.js';

/**
 * What the trigger reports for each invocation it made (retries included). `attempt` counts from 1;
 * a failed attempt says whether the event will be retried, or else where it was sent.
 */
export type TriggerOutcome =
  | { readonly ok: true; readonly key: string; readonly ms: number; readonly attempt: number }
  | {
      readonly ok: false;
      readonly key: string;
      readonly ms: number;
      readonly attempt: number;
      readonly error: unknown;
      /** True when another attempt follows; false when the event went to the failure destination. */
      readonly willRetry: boolean;
      /** The failure destination's file, once the retries are spent (null if none is configured). */
      readonly failedEventPath: string | null;
    };

/**
 * Lambda's retry policy for asynchronous invocations (`maximumRetryAttempts`, 0-2), with the waits
 * before each retry. Lambda waits about one minute, then two; locally the waits are shorter.
 */
export interface AsyncRetryPolicy {
  readonly maximumRetryAttempts: number;
  /** Wait before retry i (the last value repeats). */
  readonly delaysMs: readonly number[];
}

export interface UploadTriggerOptions {
  readonly bucket: string;
  /** Only keys under this prefix invoke the function (the s3 event's `rules: - prefix:`). */
  readonly prefix: string;
  readonly region: string;
  readonly functionName: string;
  readonly timeoutSeconds: number;
  readonly handler: (event: S3Event, context: Context) => Promise<unknown>;
  readonly onInvoked?: (outcome: TriggerOutcome) => void;
  /** Without one, a failed event is reported once and not retried. */
  readonly retry?: AsyncRetryPolicy;
  /** Where events go once their retries are spent (serverless.yml's `destinations.onFailure`). */
  readonly failureDestination?: FailureDestination;
}

export interface UploadTrigger {
  /** Stops listening, then waits for invocations already started. */
  close(): Promise<void>;
}

/**
 * Wires s3rver's object-created and object-removed notifications to the onUpload handler, as the bucket notification
 * does on AWS: one invocation per record, asynchronous, filtered by bucket and prefix. Keys are
 * re-encoded as S3 encodes them in real notifications (s3rver sends them raw). As Lambda does for
 * asynchronous invocations, an invocation that throws is retried with the same event and request id,
 * up to `retry.maximumRetryAttempts` times, and then written to the failure destination.
 */
export function attachUploadTrigger(s3rver: object, options: UploadTriggerOptions): UploadTrigger {
  // s3rver is a Koa application (an EventEmitter), though its type declarations do not say so.
  if (!(s3rver instanceof EventEmitter)) throw new TypeError('s3rver instance is not an EventEmitter');
  const pending = new Set<Promise<void>>();

  const retries = options.retry?.maximumRetryAttempts ?? 0;
  const invoke = async (object: ObjectEvent): Promise<void> => {
    const event = awsS3Event(object, { region: options.region });
    const requestId = randomUUID();
    for (let attempt = 1; ; attempt++) {
      const started = performance.now();
      const context = lambdaContext(options.functionName, options.timeoutSeconds, requestId);
      try {
        await options.handler(event, context);
        options.onInvoked?.({ ok: true, key: object.key, ms: performance.now() - started, attempt });
        return;
      } catch (error) {
        const ms = performance.now() - started;
        const willRetry = attempt <= retries;
        const failedEventPath = willRetry
          ? null
          : await sendToDestination(options.failureDestination, {
              version: '1.0',
              timestamp: new Date().toISOString(),
              requestContext: {
                requestId,
                functionArn: context.invokedFunctionArn,
                condition: 'RetriesExhausted',
                approximateInvokeCount: attempt,
              },
              requestPayload: event,
              responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
              responsePayload: describeFailure(error),
            });
        options.onInvoked?.({ ok: false, key: object.key, ms, attempt, error, willRetry, failedEventPath });
        if (!willRetry) return;
        await sleep(retryDelay(options.retry, attempt));
      }
    }
  };

  const listener = (payload: unknown): void => {
    for (const object of objectEvents(payload)) {
      if (object.bucket !== options.bucket || !object.key.startsWith(options.prefix)) continue;
      const invocation = invoke(object).finally(() => pending.delete(invocation));
      pending.add(invocation);
    }
  };
  s3rver.on('event', listener);

  return {
    close: async () => {
      s3rver.off('event', listener);
      await Promise.all(pending);
    },
  };
}

function retryDelay(policy: AsyncRetryPolicy | undefined, attempt: number): number {
  const delays = policy?.delaysMs ?? [];
  return delays[Math.min(attempt, delays.length) - 1] ?? 0;
}

// A destination that cannot be written must not turn into an unhandled rejection in the trigger.
async function sendToDestination(
  destination: FailureDestination | undefined,
  record: FailedInvocationRecord,
): Promise<string | null> {
  if (destination === undefined) return null;
  try {
    return await destination.send(record);
  } catch (error) {
    console.error(`Could not write the failed event to ${destination.directory}`, error);
    return null;
  }
}
