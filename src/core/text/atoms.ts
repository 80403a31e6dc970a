import { wordRun } from './chars.js';

/**
 * The one scan of a document's characters: every run of letters, marks and digits ("atoms") of each
 * text unit (the sentences, then the title), as offsets into that unit's text. Every word a stage
 * reads is one atom or several joined by what stands between them, and each stage joins them its
 * own way: terms across apostrophes and hyphens ("cease-fire"), places across dots and apostrophes
 * with hyphens splitting ("U.S", "US-China" is two names), people and organisations across dots,
 * apostrophes, hyphens and "&" ("Rolls-Royce", "AT&T"). Offsets, not strings: a 20 MB document has
 * about 4.5 million atoms, and typed arrays hold them in 36 MB without one object each.
 */
export interface Atoms {
  /** Offset of atom `i` in its unit's text. */
  readonly starts: Int32Array;
  /** Offset just past atom `i`. */
  readonly ends: Int32Array;
  /** Unit `u`'s atoms are `units[u]` up to `units[u + 1]`. */
  readonly units: Int32Array;
}

/** Where atoms are, without the units: what a stage composing words from a range of atoms reads. */
export type AtomSpans = Pick<Atoms, 'starts' | 'ends'>;

/** Collects the atoms of text units one after another. */
export class AtomsBuilder {
  private starts = new Int32Array(1024);
  private ends = new Int32Array(1024);
  private length = 0;
  private readonly units: number[] = [0];

  /** Scans one unit's text and appends its atoms; returns their range. Linear in the length of the text. */
  add(text: string): { from: number; to: number } {
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

  /** The atoms so far, by the ranges `add` returned: a later `add` may leave it stale. */
  current(): AtomSpans {
    return { starts: this.starts, ends: this.ends };
  }

  build(): Atoms {
    return {
      starts: this.starts.subarray(0, this.length),
      ends: this.ends.subarray(0, this.length),
      units: Int32Array.from(this.units),
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
  const builder = new AtomsBuilder();
  builder.add(text);
  return builder.build();
}

/** The range `[from, to)` of unit `unit`'s atoms. */
export function unitAtoms(atoms: Atoms, unit: number): { from: number; to: number } {
  return { from: atoms.units[unit] ?? 0, to: atoms.units[unit + 1] ?? 0 };
}
