#!/usr/bin/env node
// The `yk` command as npm links it. It is committed (dist/ is built, not committed) so that
// `npm ci` in a clone of the repository links `yk` at install time, before anything is built;
// run then before a build, it says what to do instead of failing with a stack trace.
"use strict";
const { existsSync } = require("node:fs");
const { join } = require("node:path");

const built = join(__dirname, "..", "dist", "bin.cjs");
if (!existsSync(built)) {
  process.stderr.write("yk: @yk/cli is not built yet (no dist/bin.cjs): run `npm run build` at the repository root first\n");
  process.exit(1);
}
require(built);
