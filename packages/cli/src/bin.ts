#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { run } from "./cli.js";

// `yk parse folder | head`: the reader left; stop quietly, as command-line tools do
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

run(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stdin: () => readFileSync(0),
  isTTY: process.stderr.isTTY === true,
}).then((code) => {
  process.exitCode = code;
});
