#!/usr/bin/env node
// The independent certificate checker (checker/); it loads nothing of the engine.
import { main } from '../dist/checker/main.js';

process.exitCode = await main(process.argv.slice(2));
