export { run, createProgram, usage, defaultJobs, defaultWorkerScript, BYTES_PER_WORKER, EXIT, UsageError, InputError, type Io } from "./cli.js";
export { decode } from "./decode.js";
export { parseText, withEntities, render, summary, FORMATS, type Format } from "./pipeline.js";
export { listTextFiles, runBatch, type BatchOptions } from "./batch.js";
