import { createS3Client } from '../adapters/s3.js';
import { processConfig } from '../config.js';
import { createOnUploadHandler } from '../handlers/on-upload.js';

const config = processConfig();

/** The deployed handler: config validated at cold start, one S3 client per container. */
export const handler = createOnUploadHandler({ s3: createS3Client(config), config });
