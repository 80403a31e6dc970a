import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { z } from 'zod';

// The two labels.json shapes of the development corpora (see /work/shared/dev/README.md): CNN/DailyMail
// stories carry their journalists' `highlights`; BBC stories carry their desk (`category`) and an
// extractive `reference` (sentences of the article, in article order).
const cnndmLabel = z.object({
  file: z.string(),
  id: z.string(),
  title: z.string(),
  /** "url-slug" when the title was rebuilt from the story's URL rather than taken from the page. */
  title_source: z.string().optional(),
  source: z.string().optional(),
  section: z.string().nullable().optional(),
  highlights: z.array(z.string()).min(1),
});
const bbcLabel = z.object({
  file: z.string(),
  id: z.string(),
  title: z.string(),
  category: z.string(),
  reference: z.array(z.string()),
  reference_indices: z.array(z.number().int()).optional(),
});

/** One labelled story of a development corpus, its file read into memory. */
interface DevStoryBase {
  readonly id: string;
  /** File name, for the reader's format choice. */
  readonly filename: string;
  readonly title: string;
  /**
   * False when the title is not the story's headline but rebuilt from its URL slug (CNN/DailyMail's
   * `title_source: "url-slug"`): word salad that no deployed article has, so the summary eval reads the
   * story without it.
   */
  readonly headline: boolean;
  readonly bytes: Uint8Array;
}

export interface CnnDmStory extends DevStoryBase {
  readonly highlights: readonly string[];
  readonly source: string | null;
  readonly section: string | null;
}

export interface BbcStory extends DevStoryBase {
  readonly category: string;
  /** The extractive reference: article sentences, in article order. */
  readonly reference: readonly string[];
}

/**
 * A development corpus as loaded from a folder with a labels.json: its kind says which labels it has.
 * Evaluation modules (dev-summary, dev-topics, dev-places, ...) dispatch on `kind`.
 */
export type DevCorpus =
  | {
      readonly kind: 'cnndm';
      readonly name: string;
      readonly dir: string;
      readonly stories: readonly CnnDmStory[];
    }
  | {
      readonly kind: 'bbc';
      readonly name: string;
      readonly dir: string;
      readonly stories: readonly BbcStory[];
    };

export type DevCorpusKind = DevCorpus['kind'];

/** Which shape a labels.json has: `highlights` means CNN/DailyMail, `category` means BBC. */
export function devCorpusKind(labels: unknown): DevCorpusKind {
  const first: unknown = Array.isArray(labels) ? labels[0] : undefined;
  if (typeof first === 'object' && first !== null) {
    if ('highlights' in first) return 'cnndm';
    if ('category' in first) return 'bbc';
  }
  throw new Error('labels.json: expected an array of stories with `highlights` (CNN/DM) or `category` (BBC)');
}

/**
 * Loads a development corpus folder (labels.json plus the article files it names).
 * @example const corpus = loadDevCorpus('/work/shared/dev/cnndm'); corpus.kind // 'cnndm'
 */
export function loadDevCorpus(dir: string): DevCorpus {
  const root = resolve(dir);
  const labels: unknown = JSON.parse(readFileSync(join(root, 'labels.json'), 'utf8'));
  const read = (file: string) => ({
    filename: basename(file),
    bytes: new Uint8Array(readFileSync(join(root, file))),
  });
  const name = basename(root);
  if (devCorpusKind(labels) === 'cnndm') {
    const stories = z
      .array(cnndmLabel)
      .parse(labels)
      .map((label) => ({
        id: label.id,
        title: label.title,
        headline: label.title_source !== 'url-slug',
        highlights: label.highlights,
        source: label.source ?? null,
        section: label.section ?? null,
        ...read(label.file),
      }));
    return { kind: 'cnndm', name, dir: root, stories };
  }
  const stories = z
    .array(bbcLabel)
    .parse(labels)
    .map((label) => ({
      id: label.id,
      title: label.title,
      headline: true,
      category: label.category,
      reference: label.reference,
      ...read(label.file),
    }));
  return { kind: 'bbc', name, dir: root, stories };
}
