import { wordRun } from './chars.js';

/**
 * The one scan of a document's characters: every run of letters, marks and digits ("atoms") of each
 * text unit (the sentences, then the title), as offsets into that unit's text. Every word a stage
 * reads is one atom or several joined by what stands between them, and each stage joins them its
 * own way: terms across apostrophes and hyphens ("cease-fire"), places across dots and apostrophes
 * with hyphens splitting ("U.S", "US-China" is two names), people and organisations across dots,
 * apostrophes, hyphens and "&" ("Rolls-Royce", "AT&T"). Offsets, not strings: a 20 MB document has
 * about 3.4 million atoms, held in two typed arrays (16 MiB each as they grow by doubling) rather
 * than an object each.
 */
export interface Atoms {
  /** Offset of atom `i` in its unit's text. */
  readonly starts: Int32Array;
  /** Offset just past atom `i`. */
  readonly ends: Int32Array;
  /** Unit `u`'s atoms are `units[u]` up to `units[u + 1]`. */
  readonly units: Int32Array;
}

/** A run of atoms `[from, to)`: one unit's, or part of it. */
export interface AtomRange {
  readonly from: number;
  readonly to: number;
}

/**
 * A text with its atoms: a sentence or the title as a range of the document's atoms, or a text
 * outside the document with its own ({@link textAtoms}). What every word composer reads.
 */
export interface AtomText extends AtomRange {
  readonly text: string;
  readonly atoms: AtomSpans;
}

/** Where atoms are, without the units: what a stage composing words from a range of atoms reads. */
export type AtomSpans = Pick<Atoms, 'starts' | 'ends'>;

/** Collects the atoms of text units one after another. */
export class AtomsBuilder {
  private starts: Int32Array;
  private ends: Int32Array;
  private length = 0;
  private readonly units: number[] = [0];

  /** `capacity`: room for this many atoms before the arrays grow (doubling). */
  constructor(capacity = 1024) {
    this.starts = new Int32Array(Math.max(1, capacity));
    this.ends = new Int32Array(Math.max(1, capacity));
  }

  /** Scans one unit's text and appends its atoms; returns their range. Linear in the length of the text. */
  add(text: string): AtomRange {
    const from = this.length;
    let at = 0;
    while (at < text.length) {
      const run = wordRun(text, at);
      if (run === 0) {
        // One code unit at a time: a lone surrogate half is never a letter, so no atom is split.
        at += 1;
        continue;
      }
      if (this.length === this.starts.length) this.grow();
      this.starts[this.length] = at;
      this.ends[this.length] = at + run;
      this.length += 1;
      at += run;
    }
    this.units.push(this.length);
    return { from, to: this.length };
  }

  build(): Atoms {
    return {
      starts: this.starts.subarray(0, this.length),
      ends: this.ends.subarray(0, this.length),
      units: new Int32Array(this.units),
    };
  }

  private grow(): void {
    const starts = new Int32Array(this.starts.length * 2);
    const ends = new Int32Array(this.ends.length * 2);
    starts.set(this.starts);
    ends.set(this.ends);
    this.starts = starts;
    this.ends = ends;
  }
}

/** The atoms of one text, as unit 0: for a text outside a document (a gazetteer name, a dateline). */
export function atomsOf(text: string): Atoms {
  // Atoms are at least one character apart, so a text has at most half its length (rounded up) of
  // them: exact room, since this runs for every name a lexicon is built from and every name phrase.
  const builder = new AtomsBuilder(Math.ceil(text.length / 2));
  builder.add(text);
  return builder.build();
}

/** A text outside a document (a gazetteer name, a dateline, a phrase) with its atoms. */
export function textAtoms(text: string): AtomText {
  const atoms = atomsOf(text);
  return { text, atoms, from: 0, to: atoms.starts.length };
}

/**
 * The last atom of the word that starts at atom `first`: atoms join while what stands between two is
 * one joiner character (`isJoiner`), or with `runs`, any run of them ("rock--n"). Each stage's word
 * rule is its joiners: see the composers in words.ts, phrase-matcher.ts and entities/tokens.ts.
 */
export function lastJoined(
  unit: AtomText,
  first: number,
  isJoiner: (code: number) => boolean,
  runs = false,
): number {
  const { text, to } = unit;
  const { starts, ends } = unit.atoms;
  let last = first;
  while (last + 1 < to) {
    const gapEnd = starts[last + 1] ?? 0;
    let at = ends[last] ?? 0;
    if (runs) while (at < gapEnd && isJoiner(text.charCodeAt(at))) at += 1;
    else if (at + 1 === gapEnd && isJoiner(text.charCodeAt(at))) at = gapEnd;
    if (at < gapEnd) break;
    last += 1;
  }
  return last;
}

/** The range `[from, to)` of unit `unit`'s atoms. */
export function unitAtoms(atoms: Atoms, unit: number): AtomRange {
  return { from: atoms.units[unit] ?? 0, to: atoms.units[unit + 1] ?? 0 };
}
