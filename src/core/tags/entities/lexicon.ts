import { FAMILY_NAMES_FIRST, FIRST_NAMES } from '../data/first-names.js';
import { NOT_NAME_WORDS } from '../data/not-name-words.js';
import { ORGANIZATION_CUES } from '../data/organization-cues.js';
import {
  AMBIGUOUS_ORGANIZATION_NAMES,
  ORGANIZATIONS,
  type OrganizationEntry,
} from '../data/organizations.js';
import { PERSON_CUES } from '../data/person-cues.js';
import { AMBIGUOUS_PLACE_NAMES, AREA_PHRASES, PLACES } from '../data/places.js';
import { foldDiacritics } from '../phrase-matcher.js';
import { surfaceKey } from './tokens.js';

/** The data the entity stage reads, compiled once into sets keyed by surface. */
export interface EntityLexicon {
  readonly firstNames: ReadonlySet<string>;
  readonly familyNamesFirst: ReadonlySet<string>;
  readonly honorifics: ReadonlySet<string>;
  readonly titles: ReadonlySet<string>;
  readonly styles: ReadonlySet<string>;
  readonly roles: ReadonlySet<string>;
  readonly speechVerbs: ReadonlySet<string>;
  readonly personFollowers: ReadonlySet<string>;
  readonly orgSuffixes: ReadonlySet<string>;
  readonly orgPrefixes: ReadonlySet<string>;
  readonly notEntitySuffixes: ReadonlySet<string>;
  readonly notEntityPrefixes: ReadonlySet<string>;
  readonly orgFollowers: ReadonlySet<string>;
  readonly orgCommaFollowers: ReadonlySet<string>;
  readonly orgNouns: ReadonlySet<string>;
  readonly possessivesInNames: ReadonlySet<string>;
  readonly memberRoles: ReadonlySet<string>;
  readonly notNameWords: ReadonlySet<string>;
  /** Surface keys of places the place gazetteer reads unambiguously: never a person or organisation. */
  readonly places: ReadonlySet<string>;
  /** Surface keys the place gazetteer may read as a place or as something else ("Jordan", "Georgia"). */
  readonly ambiguousPlaces: ReadonlySet<string>;
  /** Surface key -> the organisation gazetteer's entry. */
  readonly organizations: ReadonlyMap<string, OrganizationEntry>;
  /** A gazetteer body's id -> the name of the organisation it belongs to. */
  readonly parents: ReadonlyMap<string, string>;
}

function keys(surfaces: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const surface of surfaces) {
    const key = surfaceKey(surface);
    if (key === '') continue;
    out.add(key);
    out.add(foldDiacritics(key));
  }
  return out;
}

const NO_PLURAL = /(?:s|sh|ch|x|z|ese)$/;

function compile(): EntityLexicon {
  const placeSurfaces: string[] = [];
  for (const place of PLACES) {
    placeSurfaces.push(place.name, ...place.aliases, ...place.cities, ...(place.subdivisions ?? []));
    // Metonyms ("Bank of England", "Federal Reserve", "Kremlin") are institutions: the place tagger
    // counts them toward their country, and here they may be organisations if the evidence says so.
    for (const demonym of place.demonyms) {
      placeSurfaces.push(demonym);
      if (!NO_PLURAL.test(demonym)) placeSurfaces.push(`${demonym}s`);
    }
  }
  for (const phrase of AREA_PHRASES) placeSurfaces.push(...phrase.surfaces);
  const ambiguousPlaces = keys(AMBIGUOUS_PLACE_NAMES.flatMap((rule) => rule.surfaces));
  const places = keys(placeSurfaces);
  for (const key of ambiguousPlaces) places.delete(key);

  const ambiguousOrganizations = keys(AMBIGUOUS_ORGANIZATION_NAMES.flatMap((rule) => rule.surfaces));
  const organizations = new Map<string, OrganizationEntry>();
  const parents = new Map<string, string>();
  for (const entry of ORGANIZATIONS) {
    for (const [name, ...names] of entry.bodies ?? []) {
      if (name === undefined) continue;
      const body: OrganizationEntry = { id: `${entry.id}/${name}`, name, names, acronyms: [] };
      parents.set(body.id, entry.name);
      for (const surface of [name, ...names]) organizations.set(surfaceKey(surface), body);
    }
  }
  for (const entry of ORGANIZATIONS) {
    for (const surface of [entry.name, ...entry.names, ...entry.acronyms]) {
      const key = surfaceKey(surface);
      if (key === '' || ambiguousOrganizations.has(key) || organizations.has(key)) continue;
      organizations.set(key, entry);
    }
  }
  return {
    firstNames: keys(FIRST_NAMES),
    familyNamesFirst: new Set(FAMILY_NAMES_FIRST),
    honorifics: new Set(PERSON_CUES.honorifics),
    titles: new Set(PERSON_CUES.titles),
    styles: new Set(PERSON_CUES.styles),
    roles: new Set(PERSON_CUES.roles),
    speechVerbs: new Set(PERSON_CUES.speechVerbs),
    personFollowers: new Set(PERSON_CUES.personFollowers),
    orgSuffixes: new Set(ORGANIZATION_CUES.suffixes),
    orgPrefixes: new Set(ORGANIZATION_CUES.prefixes),
    notEntitySuffixes: new Set(ORGANIZATION_CUES.notEntitySuffixes),
    notEntityPrefixes: new Set(ORGANIZATION_CUES.notEntityPrefixes),
    orgFollowers: new Set(ORGANIZATION_CUES.followers),
    orgCommaFollowers: new Set(ORGANIZATION_CUES.commaFollowers),
    orgNouns: new Set(ORGANIZATION_CUES.nouns),
    possessivesInNames: new Set(ORGANIZATION_CUES.possessivesInNames),
    memberRoles: new Set(ORGANIZATION_CUES.memberRoles),
    notNameWords: new Set(NOT_NAME_WORDS),
    places,
    ambiguousPlaces,
    organizations,
    parents,
  };
}

let lexicon: EntityLexicon | undefined;

/** The compiled lexicon, built on first use so a cold start that never tags entities never pays. */
export function entityLexicon(): EntityLexicon {
  lexicon ??= compile();
  return lexicon;
}
