#!/usr/bin/env node
import { run } from "../src/cli/main.js";
import { processIo } from "../src/cli/io.js";

process.exitCode = await run(process.argv.slice(2), processIo());
