#!/usr/bin/env node
import { fstatSync, readFileSync } from "node:fs";
import { run } from "./cli.js";

// `yk parse folder | head`: the reader left; stop quietly, as command-line tools do
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

/** Is stdin a pipe, a redirected file or a socket (not a terminal, not /dev/null, not closed)? */
function stdinPiped(): boolean {
  try {
    const st = fstatSync(0);
    return st.isFIFO() || st.isFile() || st.isSocket();
  } catch {
    return false;
  }
}

run(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stdin: () => readFileSync(0),
  stdinPiped: stdinPiped(),
  isTTY: process.stderr.isTTY === true,
}).then((code) => {
  process.exitCode = code;
});
