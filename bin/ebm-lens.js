#!/usr/bin/env node
import { main } from '../dist/src/cli/main.js';
import { catalogue } from '../dist/theorems/index.js';

// Worker threads of parallel checks import the catalogue themselves, from the same module.
const catalogueModule = new URL('../dist/theorems/index.js', import.meta.url).href;
process.exitCode = await main(process.argv.slice(2), undefined, catalogue, { catalogueModule });
