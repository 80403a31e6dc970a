import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { DEFAULT_MAX_BYTES, DEFAULT_WORK_LIMITS } from '../../src/core/limits.js';
import { DEFAULT_SUMMARY_WORDS } from '../../src/core/summary/summarize.js';
import { ConfigurationError } from '../../src/errors.js';

function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('loadConfig accepted an invalid environment');
}

describe('loadConfig', () => {
  it('fills every setting but the bucket with its default', () => {
    expect(loadConfig({ LEDE_BUCKET: 'articles' })).toEqual({
      bucket: 'articles',
      outputBucket: 'articles',
      inputPrefix: 'incoming/',
      outputPrefix: 'summaries/',
      maxBytes: DEFAULT_MAX_BYTES,
      limits: DEFAULT_WORK_LIMITS,
      corsOrigin: null,
      serviceName: 'lede',
      metricsNamespace: 'Lede',
      logLevel: 'INFO',
      s3Endpoint: null,
      s3ForcePathStyle: false,
      tagSourceObjects: true,
      taxonomyKey: null,
      taxonomyMode: 'extend',
      taxonomyCacheSeconds: 300,
      summaryWords: DEFAULT_SUMMARY_WORDS,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      LEDE_BUCKET: 'articles',
      LEDE_OUTPUT_BUCKET: 'analyses',
      LEDE_INPUT_PREFIX: 'in/coming/',
      LEDE_OUTPUT_PREFIX: 'out/',
      LEDE_MAX_BYTES: '1048576',
      LEDE_MAX_INFLATED_BYTES: '1000001',
      LEDE_MAX_CONTENT_BYTES: '1000002',
      LEDE_MAX_NODES: '1003',
      LEDE_MAX_ATTRIBUTES: '1004',
      LEDE_MAX_ELEMENT_ATTRIBUTES: '15',
      LEDE_MAX_DEPTH: '16',
      LEDE_MAX_PAGES: '17',
      LEDE_MAX_CHARS: '100018',
      LEDE_MAX_SENTENCES: '1019',
      LEDE_CORS_ORIGIN: 'https://news.example',
      LEDE_SERVICE_NAME: 'lede-test',
      LEDE_METRICS_NAMESPACE: 'LedeTest',
      LEDE_LOG_LEVEL: 'SILENT',
      LEDE_S3_ENDPOINT: 'http://127.0.0.1:4569',
      LEDE_S3_FORCE_PATH_STYLE: 'true',
      LEDE_TAG_SOURCE_OBJECTS: 'false',
      LEDE_TAXONOMY_OBJECT: 'config/taxonomy.json',
      LEDE_TAXONOMY_MODE: 'replace',
      LEDE_TAXONOMY_CACHE_SECONDS: '0',
      LEDE_SUMMARY_WORDS: '80',
    });
    expect(config).toEqual({
      bucket: 'articles',
      outputBucket: 'analyses',
      inputPrefix: 'in/coming/',
      outputPrefix: 'out/',
      maxBytes: 1_048_576,
      limits: {
        maxInflatedBytes: 1_000_001,
        maxContentBytes: 1_000_002,
        maxNodes: 1003,
        maxAttributes: 1004,
        maxElementAttributes: 15,
        maxDepth: 16,
        maxPages: 17,
        maxChars: 100_018,
        maxSentences: 1019,
      },
      corsOrigin: 'https://news.example',
      serviceName: 'lede-test',
      metricsNamespace: 'LedeTest',
      logLevel: 'SILENT',
      s3Endpoint: 'http://127.0.0.1:4569',
      s3ForcePathStyle: true,
      tagSourceObjects: false,
      taxonomyKey: 'config/taxonomy.json',
      taxonomyMode: 'replace',
      taxonomyCacheSeconds: 0,
      summaryWords: 80,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('treats an empty variable as unset', () => {
    const config = loadConfig({ LEDE_BUCKET: 'articles', LEDE_OUTPUT_BUCKET: '', LEDE_MAX_BYTES: '' });
    expect(config.outputBucket).toBe('articles');
    expect(config.maxBytes).toBe(DEFAULT_MAX_BYTES);
  });

  it('refuses a summary word budget that is not a whole number from 1 to 2000', () => {
    expect(refusal({ LEDE_BUCKET: 'articles', LEDE_SUMMARY_WORDS: '0' })).toMatch(/LEDE_SUMMARY_WORDS/);
    expect(refusal({ LEDE_BUCKET: 'articles', LEDE_SUMMARY_WORDS: '2001' })).toMatch(/LEDE_SUMMARY_WORDS/);
    expect(refusal({ LEDE_BUCKET: 'articles', LEDE_SUMMARY_WORDS: 'sixty' })).toMatch(/LEDE_SUMMARY_WORDS/);
  });

  it('refuses a missing bucket', () => {
    expect(refusal({})).toMatch(/LEDE_BUCKET: is required/);
  });

  it('names every bad variable in one error', () => {
    const message = refusal({
      LEDE_BUCKET: 'articles',
      LEDE_MAX_BYTES: '12.5',
      LEDE_MAX_PAGES: '0',
      LEDE_LOG_LEVEL: 'LOUD',
      LEDE_S3_ENDPOINT: 'not a url',
      LEDE_S3_FORCE_PATH_STYLE: 'yes',
      LEDE_TAXONOMY_MODE: 'merge',
      LEDE_TAXONOMY_CACHE_SECONDS: '-1',
    });
    for (const name of [
      'LEDE_MAX_BYTES',
      'LEDE_MAX_PAGES',
      'LEDE_LOG_LEVEL',
      'LEDE_S3_ENDPOINT',
      'LEDE_S3_FORCE_PATH_STYLE',
      'LEDE_TAXONOMY_MODE',
      'LEDE_TAXONOMY_CACHE_SECONDS',
    ]) {
      expect(message).toContain(`${name}:`);
    }
  });

  it.each(['0', '-5', 'lots', '1e400'])('refuses LEDE_MAX_BYTES=%s', (value) => {
    expect(refusal({ LEDE_BUCKET: 'articles', LEDE_MAX_BYTES: value })).toMatch(/LEDE_MAX_BYTES/);
  });

  it.each(['/incoming/', 'incoming', 'a/../b/'])('refuses the prefix %s', (prefix) => {
    expect(refusal({ LEDE_BUCKET: 'articles', LEDE_INPUT_PREFIX: prefix })).toMatch(/LEDE_INPUT_PREFIX/);
  });

  it('refuses prefixes that contain one another', () => {
    expect(refusal({ LEDE_BUCKET: 'b12', LEDE_INPUT_PREFIX: 'in/', LEDE_OUTPUT_PREFIX: 'in/out/' })).toMatch(
      /must not contain one another/,
    );
  });

  it('refuses a taxonomy key that is a path or lies under the input prefix', () => {
    expect(refusal({ LEDE_BUCKET: 'articles', LEDE_TAXONOMY_OBJECT: '/taxonomy.json' })).toMatch(
      /LEDE_TAXONOMY_OBJECT: must be a key/,
    );
    expect(refusal({ LEDE_BUCKET: 'articles', LEDE_TAXONOMY_OBJECT: 'incoming/taxonomy.json' })).toMatch(
      /LEDE_TAXONOMY_OBJECT: must not be under LEDE_INPUT_PREFIX/,
    );
  });

  it('accepts only http and https S3 endpoints', () => {
    expect(refusal({ LEDE_BUCKET: 'articles', LEDE_S3_ENDPOINT: 'file:///tmp/s3' })).toMatch(
      /LEDE_S3_ENDPOINT/,
    );
    expect(loadConfig({ LEDE_BUCKET: 'articles', LEDE_S3_ENDPOINT: 'https://s3.example' }).s3Endpoint).toBe(
      'https://s3.example',
    );
  });
});
