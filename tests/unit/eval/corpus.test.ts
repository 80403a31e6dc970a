import { describe, expect, it } from 'vitest';
import { fallbackSentences } from '../../../scripts/eval/body-sentences.js';
import { listArticleFiles, loadCorpus, parseReferences, TOPIC_NAMES } from '../../../scripts/eval/corpus.js';
import { tokenize } from '../../../src/core/text/words.js';

const corpus = loadCorpus();
const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe('evaluation corpus', () => {
  it('holds sixteen articles, each named in references.json exactly once', () => {
    expect(corpus).toHaveLength(16);
    expect(corpus.map((a) => a.filename).sort()).toEqual(listArticleFiles());
  });

  it.each(corpus.map((a) => [a.slug, a] as const))(
    '%s starts with a headline and a blank line',
    (_, article) => {
      const [headline, blank] = article.text.split('\n');
      expect(headline?.trim()).toMatch(/\w{3,}/);
      expect(blank).toBe('');
    },
  );

  it.each(corpus.map((a) => [a.slug, a] as const))('%s has at least 8 body sentences', (_, article) => {
    expect(fallbackSentences(article.bytes).length).toBeGreaterThanOrEqual(8);
  });

  it.each(corpus.map((a) => [a.slug, a] as const))('%s is 350-800 words long', (_, article) => {
    const words = tokenize(article.text).length;
    expect(words).toBeGreaterThanOrEqual(350);
    expect(words).toBeLessThanOrEqual(800);
  });

  it.each(corpus.map((a) => [a.slug, a] as const))(
    '%s contains every extractive reference sentence verbatim in its body',
    (_, article) => {
      const body = squash(article.text.slice(article.text.indexOf('\n') + 1));
      for (const sentence of article.reference.summaryExtractive) expect(body).toContain(squash(sentence));
    },
  );

  it.each(corpus.map((a) => [a.slug, a] as const))('%s uses only known topic names', (_, article) => {
    const allowed: readonly string[] = TOPIC_NAMES;
    const { topics, mustNotTopics } = article.reference;
    for (const topic of [...topics, ...mustNotTopics]) expect(allowed).toContain(topic);
    expect(topics.filter((t) => mustNotTopics.includes(t))).toEqual([]);
  });

  it('rejects a reference with an unknown topic', () => {
    const broken = { articles: corpus.slice(0, 1).map((a) => ({ ...a.reference, topics: ['gardening'] })) };
    expect(() => parseReferences({ articles: corpus.slice(0, 1).map((a) => a.reference) })).not.toThrow();
    expect(() => parseReferences(broken)).toThrow(/topics/);
  });
});
