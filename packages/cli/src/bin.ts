#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { run } from "./cli.js";

run(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stdin: () => readFileSync(0),
  isTTY: process.stderr.isTTY === true,
}).then((code) => {
  process.exitCode = code;
});
