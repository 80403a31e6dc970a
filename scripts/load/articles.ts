import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

const FIXTURES = new URL('../../tests/fixtures/articles/', import.meta.url);

/** The first `count` fixture articles (`*.txt`, sorted by name): the bodies the uploads cycle through. */
export async function loadArticleBodies(count: number): Promise<readonly Uint8Array[]> {
  const dir = FIXTURES.pathname;
  const names = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
  if (names.length === 0) throw new Error(`no *.txt articles in ${dir}`);
  return Promise.all(names.slice(0, count).map((name) => readFile(join(dir, name))));
}
