// Issue 7 §3: uploads many articles to the local stack at once and checks every one gets exactly one
// analysis. Usage: npm run load [-- --uploads 1000 --concurrency 16 --deadline 120 --endpoint URL]
import { paceOf } from '../src/backfill/progress.js';
import { LOAD_USAGE, type LoadOptions, parseLoadOptions } from './load/options.js';
import { formatLoadReport } from './load/report.js';
import { type LoadProgress, loadSucceeded, runLoad } from './load/run.js';
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
  const result = await runLoad(target, { ...options, onProgress: loadProgressReporter(process.stderr) });
  console.log(formatLoadReport(result, target.description));
  process.exitCode = loadSucceeded(result) ? 0 : 1;
} finally {
  await target.close();
}

/**
 * Progress on stderr: uploads answered and analyses stored, with elapsed time and the analyses' rate
 * and ETA (`load: uploaded 40/40, analysed 12/40 0:02 6.1/s eta 0:05`); redrawn in place on a
 * terminal, otherwise a line each time either count reaches a new tenth.
 */
function loadProgressReporter(stream: NodeJS.WriteStream): (progress: LoadProgress) => void {
  const started = performance.now();
  const done = { uploaded: 0, analysed: 0 };
  let printed = '';
  return (progress) => {
    done[progress.phase] = progress.done;
    const { total } = progress;
    const pace = paceOf(done.analysed, total, (performance.now() - started) / 1000);
    const line =
      `load: uploaded ${done.uploaded}/${total}, analysed ${done.analysed}/${total} ` +
      `${pace.elapsed} ${pace.rate} eta ${pace.eta}`;
    if (stream.isTTY) {
      stream.write(`\r${line}\u001b[K${done.analysed === total ? '\n' : ''}`);
      return;
    }
    const tenths = `${Math.floor((done.uploaded / total) * 10)}:${Math.floor((done.analysed / total) * 10)}`;
    if (tenths !== printed) stream.write(`${line}\n`);
    printed = tenths;
  };
}
