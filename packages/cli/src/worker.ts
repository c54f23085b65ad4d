// A pool worker: parses one page per message. Loaded by batch.ts as a worker thread.
import { parentPort } from "node:worker_threads";
import { readFileSync } from "node:fs";
import { decode } from "./decode.js";
import { parseText, render, type Format } from "./pipeline.js";

export interface Job {
  id: number;
  file: string;
  format: Format;
  date?: string;
  publication?: string;
  page?: string;
}
export type JobResult = { id: number; ok: true; output: string } | { id: number; ok: false; error: string };

export function runJob(job: Job): JobResult {
  try {
    const text = decode(readFileSync(job.file), job.file);
    const page = parseText(text, { date: job.date, publication: job.publication, page: job.page, sourceName: job.file });
    return { id: job.id, ok: true, output: render(page, job.format) };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const message = err.code && err.code.startsWith("E") ? `${job.file}: cannot read (${err.code})` : err.message;
    return { id: job.id, ok: false, error: message };
  }
}

// A pool worker is a child process (its own nodejieba: the native segmenter keeps one global
// dictionary per process, so threads would share and contend for it).
if (parentPort) parentPort.on("message", (job: Job) => parentPort!.postMessage(runJob(job)));
else if (process.send && process.env.YK_WORKER === "1") {
  process.on("message", (job: Job) => process.send!(runJob(job)));
  process.on("disconnect", () => process.exit(0));
}
