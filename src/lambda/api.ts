import { createS3Client } from '../adapters/s3.js';
import { processConfig } from '../config.js';
import { createApiHandler } from '../handlers/api.js';

const config = processConfig();

/** The deployed handler: config validated at cold start, one S3 client per container. */
export const handler = createApiHandler({ s3: createS3Client(config), config });
