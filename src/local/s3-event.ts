import type { S3Event } from '@aws-lambda-powertools/parser/types';
import { z } from 'zod';

/** The fields of an s3rver notification record that an AWS-shaped record is built from. */
const S3rverRecordSchema = z.object({
  eventName: z.string(),
  eventTime: z.string(),
  s3: z.object({
    bucket: z.object({ name: z.string() }),
    object: z.object({
      key: z.string(),
      size: z.number().optional(),
      eTag: z.string().optional(),
      sequencer: z.string().optional(),
    }),
  }),
});

const S3rverEventSchema = z.object({ Records: z.array(S3rverRecordSchema) });

/** An object-created or object-removed notification from s3rver, with the key as stored (not encoded). */
export interface ObjectEvent {
  readonly eventName: string;
  readonly eventTime: string;
  readonly bucket: string;
  readonly key: string;
  readonly size: number;
  readonly eTag: string;
  readonly sequencer: string;
}

/**
 * Keeps the `ObjectCreated:*` and `ObjectRemoved:*` records of an s3rver `event` payload, as the
 * deployed notification subscribes to both; anything unexpected is dropped.
 */
export function objectEvents(payload: unknown): ObjectEvent[] {
  const parsed = S3rverEventSchema.safeParse(payload);
  if (!parsed.success) return [];
  return parsed.data.Records.filter(
    (record) =>
      record.eventName.startsWith('ObjectCreated:') || record.eventName.startsWith('ObjectRemoved:'),
  ).map((record) => ({
    eventName: record.eventName,
    eventTime: record.eventTime,
    bucket: record.s3.bucket.name,
    key: record.s3.object.key,
    size: record.s3.object.size ?? 0,
    eTag: record.s3.object.eTag ?? '',
    sequencer: record.s3.object.sequencer ?? '',
  }));
}

/**
 * Encodes an object key the way S3 writes it into event notifications: form encoding, so a space
 * becomes `+`, `/` and `A-Z a-z 0-9 . - _ *` stay as they are, and every other byte of the UTF-8
 * form is percent-encoded (`+` itself becomes `%2B`). s3rver sends keys unencoded; the handler
 * decodes what AWS sends, so the local trigger must encode.
 *
 * @example
 * encodeEventKey('incoming/Café news/a+b.txt'); // 'incoming/Caf%C3%A9+news/a%2Bb.txt'
 */
export function encodeEventKey(key: string): string {
  return key
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment)
        .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
        .replaceAll('%20', '+'),
    )
    .join('/');
}

/**
 * The S3 notification AWS would deliver for `object`, one record, key encoded as S3 encodes it. A
 * removal carries no size or ETag, as on AWS.
 */
export function awsS3Event(object: ObjectEvent, options: { region: string }): S3Event {
  const removed = object.eventName.startsWith('ObjectRemoved:');
  const record: S3Event['Records'][number] = {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: options.region,
    eventTime: object.eventTime,
    eventName: object.eventName,
    userIdentity: { principalId: 'AWS:LOCAL' },
    requestParameters: { sourceIPAddress: '127.0.0.1' },
    responseElements: { 'x-amz-request-id': 'LOCAL', 'x-amz-id-2': 'LOCAL' },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: 'lede-local-on-upload',
      bucket: {
        name: object.bucket,
        ownerIdentity: { principalId: 'LOCAL' },
        arn: `arn:aws:s3:::${object.bucket}`,
      },
      object: {
        key: encodeEventKey(object.key),
        ...(removed ? {} : { size: object.size, eTag: object.eTag }),
        sequencer: object.sequencer,
      },
    },
  };
  return { Records: [record] };
}
