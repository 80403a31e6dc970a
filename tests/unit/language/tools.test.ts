import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../src/core/language/detect.js';
import {
  isSupportedLanguage,
  loadLanguageTools,
  SUPPORTED_LANGUAGES,
  type SupportedLanguage,
  toolsFor,
} from '../../../src/core/language/tools.js';
import { bundledModel } from '../../../src/core/model/bundled-model.js';
import { UnsupportedLanguageError } from '../../../src/errors.js';

const { languages } = bundledModel();

const SAMPLES = new URL('../../fixtures/languages/', import.meta.url);

function sample(name: string): string {
  return readFileSync(new URL(name, SAMPLES), 'utf8');
}

/**
 * Per language: two inflected forms of one word that must share a stem, a word from another stem,
 * function words and news fillers that are stop words, and content words that are not.
 */
const CASES: Record<
  SupportedLanguage,
  { same: [string, string]; other: string; stop: string[]; content: string[] }
> = {
  de: {
    same: ['regierung', 'regierungen'],
    other: 'schwimmbad',
    stop: ['und', 'nicht', 'sagte'],
    content: ['brücke'],
  },
  en: { same: ['bridge', 'bridges'], other: 'river', stop: ['the', 'which', 'said'], content: ['council'] },
  es: {
    same: ['biblioteca', 'bibliotecas'],
    other: 'reforma',
    stop: ['de', 'los', 'según', 'dijo'],
    content: ['ayuntamiento'],
  },
  fr: {
    same: ['habitant', 'habitants'],
    other: 'village',
    stop: ['les', 'dans', 'selon'],
    content: ['gare'],
  },
  it: {
    same: ['visitatore', 'visitatori'],
    other: 'museo',
    stop: ['della', 'che', 'secondo'],
    content: ['restauro'],
  },
  nl: {
    same: ['fiets', 'fietsen'],
    other: 'station',
    stop: ['het', 'een', 'volgens'],
    content: ['gemeente'],
  },
  no: { same: ['tunnel', 'tunnelen'], other: 'fjell', stop: ['og', 'ikke', 'ifølge'], content: ['vei'] },
  pt: { same: ['parque', 'parques'], other: 'fábrica', stop: ['não', 'uma', 'segundo'], content: ['rio'] },
  ru: { same: ['мост', 'моста'], other: 'река', stop: ['и', 'что', 'также'], content: ['город'] },
  sv: { same: ['skola', 'skolor'], other: 'kommun', stop: ['och', 'inte', 'enligt'], content: ['elev'] },
  uk: { same: ['парк', 'парку'], other: 'дерево', stop: ['і', 'що', 'також'], content: ['місто'] },
};

describe('loadLanguageTools', () => {
  it.each(SUPPORTED_LANGUAGES)('gives %s a stemmer that joins inflected forms', async (code) => {
    const tools = await loadLanguageTools(code);
    const { same, other } = CASES[code];
    expect(tools?.code).toBe(code);
    expect(tools?.stem(same[0])).toBe(tools?.stem(same[1]));
    expect(tools?.stem(other)).not.toBe(tools?.stem(same[0]));
  });

  it.each(SUPPORTED_LANGUAGES)(
    'gives %s stop words: function words and news fillers, not content words',
    async (code) => {
      const tools = await loadLanguageTools(code);
      for (const word of CASES[code].stop) expect(tools?.isStopWord(word), word).toBe(true);
      for (const word of CASES[code].content) expect(tools?.isStopWord(word), word).toBe(false);
    },
  );

  it.each(['tr', 'pl', 'id', 'zh', 'und', 'xx', ''])('has no tools for %j', async (code) => {
    expect(isSupportedLanguage(code)).toBe(false);
    await expect(loadLanguageTools(code)).resolves.toBeUndefined();
  });

  it('drops French and Italian elisions before stemming and the stop-word test', async () => {
    const fr = await loadLanguageTools('fr');
    expect(fr?.stem("l'état")).toBe(fr?.stem('état'));
    expect(fr?.stem('d’euros')).toBe(fr?.stem('euros'));
    expect(fr?.isStopWord("qu'il")).toBe(true);
    expect(fr?.isStopWord("l'état")).toBe(false);
    const italian = await loadLanguageTools('it');
    expect(italian?.stem("dell'edificio")).toBe(italian?.stem('edificio'));
    // Other languages keep the apostrophe: "o'clock" is one English word.
    const en = await loadLanguageTools('en');
    expect(en?.stem("o'clock")).not.toBe(en?.stem('clock'));
  });

  it('returns the same tools object for repeated requests', async () => {
    expect(await loadLanguageTools('fr')).toBe(await loadLanguageTools('fr'));
  });

  it.each(SUPPORTED_LANGUAGES)(
    'stems any lower-case string in %s without throwing, to a string',
    async (code) => {
      const tools = await loadLanguageTools(code);
      if (tools === undefined) throw new Error(`no tools for ${code}`);
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (raw) => {
          expect(typeof tools.stem(raw.toLowerCase())).toBe('string');
        }),
        { numRuns: 200 },
      );
    },
  );

  it('loads no stemmer at import, and only the requested one on demand', () => {
    // A fresh process: in this one, other tests have loaded every stemmer already.
    const tools = fileURLToPath(new URL('../../../src/core/language/tools.ts', import.meta.url));
    const script = `
      import { createRequire } from 'node:module';
      const loaded = () => Object.keys(createRequire(import.meta.url).cache)
        .filter((path) => /stemmers\\//.test(path)).map((path) => path.split('stemmers/')[1]).sort();
      const { loadLanguageTools } = await import(${JSON.stringify(tools)});
      const atImport = loaded();
      await loadLanguageTools('es');
      console.log(JSON.stringify({ atImport, afterSpanish: loaded() }));
    `;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      cwd: fileURLToPath(new URL('../../../', import.meta.url)),
    });
    expect(run.stderr).toBe('');
    const { atImport, afterSpanish } = JSON.parse(run.stdout) as {
      atImport: string[];
      afterSpanish: string[];
    };
    expect(atImport).toEqual([]);
    expect(afterSpanish).toEqual(['porter_stemmer_es.js', 'stemmer_es.js']);
  }, 60_000);
});

describe('toolsFor', () => {
  it('gives the detected language its tools', async () => {
    const tools = await toolsFor(detectLanguage(sample('pt.txt'), languages));
    expect(tools.code).toBe('pt');
  });

  it('falls back to English tools for undetermined text, or to the chosen fallback', async () => {
    const mixed = detectLanguage(sample('mixed-en-es.txt'), languages);
    expect(mixed.code).toBe('und');
    expect((await toolsFor(mixed)).code).toBe('en');
    expect((await toolsFor(mixed, { fallback: 'es' })).code).toBe('es');
  });

  it.each([
    ['tr', 'Turkish'],
    ['pl', 'Polish'],
    ['id', 'Indonesian'],
    ['ja', 'Japanese'],
    ['ar', 'Arabic'],
  ])('refuses %s text with an error naming the language', async (code, name) => {
    const guess = detectLanguage(sample(`${code}.txt`), languages);
    const error = await toolsFor(guess).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedLanguageError);
    if (!(error instanceof UnsupportedLanguageError)) return;
    expect(error.code).toBe('UNSUPPORTED_LANGUAGE');
    expect(error.status).toBe(422);
    expect(error.language).toBe(code);
    expect(error.message).toContain(`looks like ${name} (${code})`);
    expect(error.message).toContain('Spanish');
    expect(error.toJSON()).toEqual({ code: 'UNSUPPORTED_LANGUAGE', message: error.message });
  });
});
