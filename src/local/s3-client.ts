import { S3Client } from '@aws-sdk/client-s3';
import { s3RetryConfig } from '../adapters/s3.js';
import { LOCAL_REGION, S3RVER_CREDENTIALS } from './settings.js';

/**
 * An S3 client for s3rver: its fixed credentials, path-style URLs, no streaming checksums, and the
 * deployed functions' retries and timeouts, so a fault is retried locally as it would be on AWS.
 */
export function localS3Client(endpoint: string): S3Client {
  return new S3Client({
    ...s3RetryConfig(),
    endpoint,
    region: LOCAL_REGION,
    forcePathStyle: true,
    // A fresh object: the SDK tags credentials with where they came from, which a frozen one refuses.
    credentials: { ...S3RVER_CREDENTIALS },
    // The SDK's default CRC32 on streamed bodies makes s3rver store the aws-chunked framing in the object.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
