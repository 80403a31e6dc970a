import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type OverEmptyNode, timeOverEmptyNode } from './child.js';

export interface CliResult {
  /** `node dist/cli.js --version` over `node -e 0`. */
  readonly version: OverEmptyNode;
  /** `node dist/cli.js <one fixture article>`: start-up, read, analyse, print. */
  readonly oneArticle: OverEmptyNode;
  readonly article: string;
}

/** Builds `dist/` with `npm run build` unless `rebuild` is false and it is already there. */
export function ensureBuilt(root: string, rebuild: boolean): void {
  if (!rebuild && existsSync(join(root, 'dist', 'cli.js'))) return;
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Times the built CLI (`article` is relative to `root`) in fresh processes, median of `runs`, each over an empty node. */
export async function measureCli(root: string, article: string, runs: number): Promise<CliResult> {
  const cli = join(root, 'dist', 'cli.js');
  return {
    version: await timeOverEmptyNode([cli, '--version'], runs),
    oneArticle: await timeOverEmptyNode([cli, join(root, article)], runs),
    article,
  };
}
