import { S3Schema } from '@aws-lambda-powertools/parser/schemas/s3';
import { GetObjectTaggingCommand, PutObjectTaggingCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';

import { loadConfig } from '../../../src/config.js';
import { createOnUploadHandler } from '../../../src/handlers/on-upload.js';
import { encodeEventKey } from '../../../src/local/s3-event.js';
import {
  getObject,
  lambdaContext,
  listKeys,
  loadArticle,
  loadEvent,
  putObject,
  silentLogger,
  useLocalS3,
} from './support.js';

const BUCKET = 'lede-tags-test';
const local = useLocalS3([BUCKET]);

async function uploadEvent(key: string) {
  const event = structuredClone(S3Schema.parse(await loadEvent('s3-put.json'))) as z.infer<typeof S3Schema>;
  for (const record of event.Records) {
    record.s3.bucket.name = BUCKET;
    record.s3.object.key = encodeEventKey(key);
  }
  return event;
}

function handler(env: Record<string, string> = {}) {
  return createOnUploadHandler({
    s3: local.client,
    config: loadConfig({ LEDE_BUCKET: BUCKET, ...env }),
    logger: silentLogger(),
  });
}

async function tagsOf(key: string): Promise<Record<string, string>> {
  const response = await local.client.send(new GetObjectTaggingCommand({ Bucket: BUCKET, Key: key }));
  return Object.fromEntries((response.TagSet ?? []).map((tag) => [tag.Key ?? '', tag.Value ?? '']));
}

describe('onUpload: tags on the source object', () => {
  it("writes the analysis's main topic and places onto the uploaded object, keeping the user's tags", async () => {
    const key = 'incoming/tags/ferry.txt';
    await putObject(local.client, BUCKET, key, await loadArticle('harbour-ferry.txt'), 'text/plain');
    await local.client.send(
      new PutObjectTaggingCommand({
        Bucket: BUCKET,
        Key: key,
        Tagging: {
          TagSet: [
            { Key: 'desk', Value: 'local' },
            { Key: 'owner', Value: 'night editor' },
            { Key: 'lede:topic', Value: 'stale from an earlier run' },
          ],
        },
      }),
    );

    await handler()(await uploadEvent(key), lambdaContext('lede-dev-onUpload'));

    const analysis = JSON.parse(
      (await getObject(local.client, BUCKET, 'summaries/tags/ferry.txt.json')).text,
    );
    const topTopic = analysis.tags.find((tag: { kind: string }) => tag.kind === 'topic')?.name;
    const tags = await tagsOf(key);
    expect(topTopic).toEqual(expect.any(String));
    expect(tags).toMatchObject({ desk: 'local', owner: 'night editor', 'lede:topic': topTopic });
    expect(Object.keys(tags).filter((name) => name.startsWith('lede:')).length).toBeGreaterThan(0);
    // Tagging is not an upload: it wrote nothing but the one analysis.
    expect(await listKeys(local.client, BUCKET, 'summaries/tags/')).toEqual([
      'summaries/tags/ferry.txt.json',
    ]);
  });

  it('leaves the object untagged when LEDE_TAG_SOURCE_OBJECTS is false', async () => {
    const key = 'incoming/tags/untagged.txt';
    await putObject(local.client, BUCKET, key, await loadArticle('harbour-ferry.txt'), 'text/plain');
    await handler({ LEDE_TAG_SOURCE_OBJECTS: 'false' })(
      await uploadEvent(key),
      lambdaContext('lede-dev-onUpload'),
    );
    expect(await tagsOf(key)).toEqual({});
    expect(await listKeys(local.client, BUCKET, 'summaries/tags/untagged')).toHaveLength(1);
  });

  it('tags nothing for a refused file (its error document is the record)', async () => {
    const key = 'incoming/tags/empty.txt';
    await putObject(local.client, BUCKET, key, '   \n', 'text/plain');
    await handler()(await uploadEvent(key), lambdaContext('lede-dev-onUpload'));
    expect(await tagsOf(key)).toEqual({});
  });
});

describe('onUpload: taxonomy file in the bucket', () => {
  const taxonomy = JSON.stringify({
    topics: [
      {
        name: 'island transport',
        terms: [
          { term: 'ferry', weight: 3 },
          { term: 'passenger', weight: 2 },
          { term: 'harbour', weight: 2 },
          { term: 'vessel', weight: 2 },
        ],
      },
    ],
  });

  it("tags topics from the deployment's taxonomy file", async () => {
    await putObject(local.client, BUCKET, 'config/taxonomy.json', taxonomy, 'application/json');
    const key = 'incoming/taxonomy/ferry.txt';
    await putObject(local.client, BUCKET, key, await loadArticle('harbour-ferry.txt'), 'text/plain');

    await handler({ LEDE_TAXONOMY_OBJECT: 'config/taxonomy.json' })(
      await uploadEvent(key),
      lambdaContext('x'),
    );

    const analysis = JSON.parse(
      (await getObject(local.client, BUCKET, 'summaries/taxonomy/ferry.txt.json')).text,
    );
    expect(analysis.tags.map((tag: { name: string }) => tag.name)).toContain('island transport');
  });

  it('fails the event (to be retried, then queued) and writes nothing when the taxonomy file is invalid', async () => {
    await putObject(local.client, BUCKET, 'config/broken.json', '{"topics": "none"}', 'application/json');
    const key = 'incoming/taxonomy/broken.txt';
    await putObject(local.client, BUCKET, key, await loadArticle('harbour-ferry.txt'), 'text/plain');

    await expect(
      handler({ LEDE_TAXONOMY_OBJECT: 'config/broken.json' })(await uploadEvent(key), lambdaContext('x')),
    ).rejects.toThrow(/1 of 1 records failed/);
    expect(await listKeys(local.client, BUCKET, 'summaries/taxonomy/broken')).toEqual([]);
  });
});
