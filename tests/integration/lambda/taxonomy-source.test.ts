import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { s3TaxonomySource } from '../../../src/adapters/taxonomy-source.js';
import type { Taxonomy } from '../../../src/core/tags/taxonomy.js';
import { tagTopics } from '../../../src/core/tags/topics.js';
import { putObject, useLocalS3 } from './support.js';

const BUCKET = 'lede-taxonomy-test';
const KEY = 'config/taxonomy.json';
const TTL_MS = 60_000;

// A made-up desk the bundled taxonomy does not have, so only the user's file can produce it.
const lighthouseDesk = (name: string) =>
  JSON.stringify({
    topics: [
      {
        name,
        terms: [
          { term: 'lighthouse', weight: 3 },
          { term: 'keeper', weight: 2 },
          { term: 'lantern', weight: 2 },
        ],
      },
    ],
  });

const STORY = {
  title: 'Lighthouse keeper retires after forty years',
  sentences: [
    'The last keeper of the Skerry lighthouse retired on Friday.',
    'He polished the lantern every morning and logged every ship.',
    'The lighthouse will now run automatically.',
  ],
};

const local = useLocalS3([BUCKET]);
let clock = 0;
const now = () => clock;

function source(key = KEY) {
  return s3TaxonomySource(local.client, { bucket: BUCKET, key, mode: 'extend' }, { ttlMs: TTL_MS, now });
}

const topicNames = async (taxonomy: Promise<Taxonomy>) =>
  tagTopics(STORY, { taxonomy: await taxonomy }).map((tag) => tag.name);

describe('taxonomy from S3', () => {
  it("loads the user's taxonomy, extending the bundled one", async () => {
    await putObject(local.client, BUCKET, KEY, lighthouseDesk('coastal heritage'), 'application/json');
    expect(await topicNames(source().get())).toContain('coastal heritage');
  });

  it('reuses the loaded taxonomy until the cache expires, then picks up a changed file', async () => {
    clock = 0;
    await putObject(local.client, BUCKET, KEY, lighthouseDesk('coastal heritage'), 'application/json');
    const taxonomies = source();
    const first = await taxonomies.get();
    await putObject(local.client, BUCKET, KEY, lighthouseDesk('maritime history'), 'application/json');
    clock = TTL_MS - 1;
    expect(await taxonomies.get()).toBe(first);
    clock = TTL_MS + 1;
    expect(await topicNames(taxonomies.get())).toContain('maritime history');
  });

  it('does not recompile an unchanged file when the cache expires', async () => {
    clock = 0;
    await putObject(local.client, BUCKET, KEY, lighthouseDesk('coastal heritage'), 'application/json');
    const taxonomies = source();
    const first = await taxonomies.get();
    clock = 10 * TTL_MS;
    expect(await taxonomies.get()).toBe(first);
  });

  it('shares one load between concurrent callers', async () => {
    clock = 0;
    const taxonomies = source();
    const [a, b] = await Promise.all([taxonomies.get(), taxonomies.get()]);
    expect(a).toBe(b);
  });

  it('fails as a configuration error naming the key and the problem, for an invalid or missing file', async () => {
    await putObject(local.client, BUCKET, 'config/broken.json', '{"topics": [', 'application/json');
    await expect(source('config/broken.json').get()).rejects.toMatchObject({
      code: 'CONFIGURATION',
      message: expect.stringMatching(
        /s3:\/\/lede-taxonomy-test\/config\/broken\.json is invalid: .*not valid JSON/,
      ),
    });
    await putObject(
      local.client,
      BUCKET,
      'config/no-terms.json',
      '{"topics":[{"name":"x"}]}',
      'application/json',
    );
    await expect(source('config/no-terms.json').get()).rejects.toMatchObject({
      code: 'CONFIGURATION',
      message: expect.stringMatching(/no-terms\.json is invalid: .*topics\[0\]\.terms/),
    });
    await expect(source('config/missing.json').get()).rejects.toMatchObject({
      code: 'CONFIGURATION',
      message: expect.stringMatching(/missing\.json does not exist/),
    });
  });

  it('stops using a taxonomy once its file becomes invalid', async () => {
    clock = 0;
    await putObject(local.client, BUCKET, KEY, lighthouseDesk('coastal heritage'), 'application/json');
    const taxonomies = source();
    await taxonomies.get();
    await putObject(local.client, BUCKET, KEY, '{"topics": []}', 'application/json');
    clock = TTL_MS + 1;
    await expect(taxonomies.get()).rejects.toMatchObject({ code: 'CONFIGURATION' });
  });

  it('accepts the sample taxonomy shipped in the repository', async () => {
    const sample = await readFile(
      new URL('../../fixtures/taxonomy/custom-taxonomy.json', import.meta.url),
      'utf8',
    );
    await putObject(local.client, BUCKET, 'config/sample.json', sample, 'application/json');
    await expect(source('config/sample.json').get()).resolves.toBeDefined();
  });
});
