// A pool worker: parses the pages of each message it gets. Forked by batch.ts as a child process.
import { readFileSync } from "node:fs";
import { indexEntry, type IndexEntry } from "@yk/html";
import type { ExtractorStyle } from "@yk/reflow";
import { parseBytes, renderPages, type Format } from "./pipeline.js";

export interface Job {
  id: number;
  file: string;
  format: Format;
  date?: string;
  publication?: string;
  page?: string;
  extractor?: ExtractorStyle | "auto";
}
/** `entry`: for --format html, the file's line of the folder's index.html (its href is filled by the parent). */
export type JobResult = { id: number; ok: true; output: string; entry?: IndexEntry } | { id: number; ok: false; error: string };
/** A result from a pool worker: the output as the UTF-8 bytes to write. */
export type PooledResult = { id: number; ok: true; output: Uint8Array; entry?: IndexEntry } | { id: number; ok: false; error: string };

export async function runJob(job: Job): Promise<JobResult> {
  try {
    const html = job.format === "html";
    const pages = await parseBytes(readFileSync(job.file), { date: job.date, publication: job.publication, page: job.page, extractor: job.extractor, sourceName: job.file, keepText: html });
    return { id: job.id, ok: true, output: renderPages(pages, job.format), ...(html ? { entry: indexEntry(job.file, "", pages) } : {}) };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const message = err.code && err.code.startsWith("E") ? `${job.file}: cannot read (${err.code})` : err.message;
    return { id: job.id, ok: false, error: message };
  }
}

// A pool worker is a child process, not a thread: each would load its own dictionary either way
// (nodejieba keeps one per addon instance), and a process keeps a crash or an out-of-memory in
// native code to one worker, whose pages are then reported as failed while the others go on.
if (process.send && process.env.YK_WORKER === "1") {
  // a message is a chunk of jobs; the answer, their results in one message, each output as UTF-8
  // bytes: encoded here, in parallel, rather than in the parent (which competes for the same
  // cores), and fewer bytes through the pipe than a two-byte string of Chinese text
  process.on("message", async (chunk: Job[]) => {
    const results: PooledResult[] = [];
    for (const job of chunk) {
      const r = await runJob(job);
      results.push(r.ok ? { ...r, output: Buffer.from(r.output, "utf8") } : r);
    }
    process.send!(results);
  });
  process.on("disconnect", () => process.exit(0));
  // the parent is gone (its reader closed the pipe, or it was stopped): nobody wants the results
  process.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE" || e.code === "ERR_IPC_CHANNEL_CLOSED") process.exit(0);
    throw e;
  });
}
