import { EventEmitter } from 'node:events';
import type { S3Event } from '@aws-lambda-powertools/parser/types';
import type { Context } from 'aws-lambda';
import { lambdaContext } from './lambda-context.js';
import { awsS3Event, type CreatedObject, createdObjects } from './s3-event.js';

/** What the trigger reports for each invocation it made. */
export type TriggerOutcome =
  | { readonly ok: true; readonly key: string; readonly ms: number }
  | { readonly ok: false; readonly key: string; readonly ms: number; readonly error: unknown };

export interface UploadTriggerOptions {
  readonly bucket: string;
  /** Only keys under this prefix invoke the function (the s3 event's `rules: - prefix:`). */
  readonly prefix: string;
  readonly region: string;
  readonly functionName: string;
  readonly timeoutSeconds: number;
  readonly handler: (event: S3Event, context: Context) => Promise<unknown>;
  readonly onInvoked?: (outcome: TriggerOutcome) => void;
}

export interface UploadTrigger {
  /** Stops listening, then waits for invocations already started. */
  close(): Promise<void>;
}

/**
 * Wires s3rver's object-created notifications to the onUpload handler, as the bucket notification
 * does on AWS: one invocation per record, asynchronous, filtered by bucket and prefix. Keys are
 * re-encoded as S3 encodes them in real notifications (s3rver sends them raw). Unlike Lambda, a
 * failed invocation is reported, not retried.
 */
export function attachUploadTrigger(s3rver: object, options: UploadTriggerOptions): UploadTrigger {
  // s3rver is a Koa application (an EventEmitter), though its type declarations do not say so.
  if (!(s3rver instanceof EventEmitter)) throw new TypeError('s3rver instance is not an EventEmitter');
  const pending = new Set<Promise<void>>();

  const invoke = async (object: CreatedObject): Promise<void> => {
    const started = performance.now();
    const event = awsS3Event(object, { region: options.region });
    const context = lambdaContext(options.functionName, options.timeoutSeconds);
    try {
      await options.handler(event, context);
      options.onInvoked?.({ ok: true, key: object.key, ms: performance.now() - started });
    } catch (error) {
      options.onInvoked?.({ ok: false, key: object.key, ms: performance.now() - started, error });
    }
  };

  const listener = (payload: unknown): void => {
    for (const object of createdObjects(payload)) {
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
