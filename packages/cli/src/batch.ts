import { Worker } from "node:worker_threads";
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { runJob, type Job, type JobResult } from "./worker.js";

/** Every *.txt file below a folder, recursively, in a stable (sorted) order. */
export function listTextFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const isText = name.toLowerCase().endsWith(".txt");
      let st;
      try {
        st = statSync(p);
      } catch {
        // a broken or looping link: keep it, so the run reports it instead of skipping it silently
        if (isText) out.push(p);
        continue;
      }
      if (st.isDirectory()) walk(p);
      else if (isText) out.push(p);
    }
  };
  walk(dir);
  return out;
}

export interface BatchOptions {
  jobs: number;
  /** Path of the built worker script; without it jobs run in this thread. */
  workerScript?: string;
  onResult: (file: string, result: JobResult) => void;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Run jobs on a pool of worker threads, delivering results in input order (a result that
 * arrives early waits for those before it), so JSON Lines output is deterministic.
 */
export async function runBatch(jobs: readonly Job[], options: BatchOptions): Promise<void> {
  const results = new Map<number, JobResult>();
  let next = 0; // next result to deliver
  let done = 0;
  const deliver = () => {
    while (results.has(next)) {
      const r = results.get(next)!;
      results.delete(next);
      options.onResult(jobs[next]!.file, r);
      next++;
    }
  };
  const accept = (r: JobResult) => {
    results.set(r.id, r);
    done++;
    options.onProgress?.(done, jobs.length);
    deliver();
  };
  if (options.jobs <= 1 || !options.workerScript || jobs.length <= 1) {
    for (const job of jobs) accept(runJob(job));
    return;
  }
  const size = Math.min(options.jobs, jobs.length);
  let queued = 0;
  await new Promise<void>((resolve, reject) => {
    let live = size;
    for (let w = 0; w < size; w++) {
      const worker = new Worker(options.workerScript!);
      const feed = () => {
        if (queued < jobs.length) worker.postMessage(jobs[queued++]);
        else void worker.terminate();
      };
      worker.on("message", (r: JobResult) => {
        accept(r);
        feed();
      });
      worker.on("error", reject);
      worker.on("exit", () => {
        if (--live === 0) resolve();
      });
      feed();
    }
  });
}

export function relativeOutput(root: string, file: string, extension: string): string {
  return relative(root, file).replace(/\.txt$/i, extension);
}
