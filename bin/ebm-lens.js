#!/usr/bin/env node
import { main } from '../dist/src/cli/main.js';
import { catalogue } from '../dist/theorems/index.js';

process.exitCode = await main(process.argv.slice(2), undefined, catalogue);
