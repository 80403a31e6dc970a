import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeFile, analyzeText, documentLanguage } from '../../src/core/analyze.js';
import { SUPPORTED_LANGUAGES } from '../../src/core/language/tools.js';
import { readText } from '../../src/core/read/read-document.js';
import { schemaErrors } from '../support/schema.js';

// The sample articles under tests/fixtures/languages/ were written for lede, one per language.
const sample = (name: string): Uint8Array =>
  readFileSync(new URL(`../fixtures/languages/${name}.txt`, import.meta.url));
const text = (name: string): string => Buffer.from(sample(name)).toString('utf8').normalize('NFC');

const SUPPORTED_SAMPLES = SUPPORTED_LANGUAGES.filter((code) => code !== 'en');
const UNSUPPORTED_SAMPLES = ['tr', 'fi', 'pl', 'zh', 'ar', 'el'] as const;

describe('analysis in the language of the text', () => {
  it.each(SUPPORTED_SAMPLES)(
    'summarises the %s sample with its own stemmer and names the language',
    async (code) => {
      const analysis = await analyzeFile(sample(code), { filename: `${code}.txt` });
      expect(schemaErrors(analysis)).toEqual([]);
      expect(analysis.language).toBe(code);
      const source = text(code).replace(/\s+/g, ' ');
      expect(analysis.summary.sentences.length).toBeGreaterThan(0);
      for (const sentence of analysis.summary.sentences) expect(source).toContain(sentence.text);
      // The bundled taxonomy is English: no topic is claimed for other languages.
      expect(analysis.tags.filter((tag) => tag.kind === 'topic')).toEqual([]);
    },
  );

  it("keeps the language's function words out of the keywords", async () => {
    const spanish = await analyzeFile(sample('es'));
    const keywords = spanish.keywords.map((k) => k.term.toLowerCase());
    for (const functionWord of ['el', 'la', 'de', 'que', 'los', 'del', 'según', 'dijo']) {
      expect(keywords).not.toContain(functionWord);
    }
  });

  it.each(UNSUPPORTED_SAMPLES)(
    'refuses the %s sample with UnsupportedLanguage naming the language, instead of an English summary',
    async (code) => {
      await expect(analyzeFile(sample(code))).rejects.toMatchObject({
        code: 'UNSUPPORTED_LANGUAGE',
        message: expect.stringContaining(`(${code})`),
      });
    },
  );

  it('analyses English as English, and text too short to call as undetermined with English tools', async () => {
    expect((await analyzeFile(sample('en'))).language).toBe('en');
    const short = await analyzeText('Rain. Then sun.');
    expect(short.language).toBe('und');
    expect(schemaErrors(short)).toEqual([]);
  });

  it('calls the language from the first 20,000 characters of the document', async () => {
    const english = text('en').replace(/\s+/g, ' ');
    const spanish = text('es').replace(/\s+/g, ' ');
    const long = (story: string, chars: number): string => story.repeat(Math.ceil(chars / story.length));
    // 21,000 characters of English, then three times as much Spanish: read whole it would be Spanish
    // (or mixed); read from its start it is English, at the same cost for any size.
    const late = await documentLanguage(
      await readText(`Informe\n\n${long(english, 21_000)}\n\n${long(spanish, 63_000)}`),
    );
    expect(late.language).toBe('en');
    // The other way round it is Spanish, with the Spanish stemmer.
    const first = await documentLanguage(
      await readText(`Informe\n\n${long(spanish, 21_000)}\n\n${long(english, 63_000)}`),
    );
    expect(first.language).toBe('es');
    expect(first.lexicon.code).toBe('es');
  });
});
