#!/usr/bin/env node
import { runCli } from './cli/run.js';

// The entry point stays this small so that everything it does can be tested through runCli.
process.exitCode = await runCli(process.argv.slice(2), process);
