// Issue 7 §3: uploads many articles to the local stack at once and checks every one gets exactly one
// analysis. Usage: npm run load [-- --uploads 1000 --concurrency 16 --deadline 120 --endpoint URL]
import { LOAD_USAGE, type LoadOptions, parseLoadOptions } from './load/options.js';
import { formatLoadReport } from './load/report.js';
import { loadSucceeded, runLoad } from './load/run.js';
import { type LoadTarget, runningTarget, startInProcessTarget } from './load/target.js';

let options: LoadOptions | 'help';
try {
  options = parseLoadOptions(process.argv.slice(2));
} catch (error) {
  console.error(`load: ${error instanceof Error ? error.message : String(error)}\n${LOAD_USAGE}`);
  process.exit(2);
}
if (options === 'help') {
  console.log(LOAD_USAGE);
  process.exit(0);
}

const target: LoadTarget =
  options.endpoint === undefined
    ? await startInProcessTarget(options.bucket)
    : runningTarget(options.endpoint, options.bucket);
console.error(`load: ${options.uploads} uploads, ${options.concurrency} in flight -> ${target.description}`);
try {
  const result = await runLoad(target, options);
  console.log(formatLoadReport(result, target.description));
  process.exitCode = loadSucceeded(result) ? 0 : 1;
} finally {
  await target.close();
}
