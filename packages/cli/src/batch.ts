import { fork } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { IndexEntry } from "@yk/html";
import { runJob, type Job, type PooledResult } from "./worker.js";

/** A result as the batch delivers it: text from this process, UTF-8 bytes from a pool worker. */
export type BatchResult = { id: number; ok: true; output: string | Uint8Array; entry?: IndexEntry } | { id: number; ok: false; error: string };

/** Messages (chunks of jobs) sent ahead to each worker, so it never waits for the parent. */
const IN_FLIGHT = 2;
/**
 * Pages per message at most. Each message across the IPC pipe costs a system call and a wake-up
 * on both sides; with thousands of pages, a message per page made the parent (which competes for
 * the same cores) a bottleneck.
 */
const MAX_CHUNK = 16;

/** Every *.txt and *.pdf file below a folder, recursively, in a stable (sorted) order. */
export function listTextFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const isText = /\.(txt|pdf)$/i.test(name);
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
  onResult: (file: string, result: BatchResult) => void;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Run jobs on a pool of worker threads, delivering results in input order (a result that
 * arrives early waits for those before it), so JSON Lines output is deterministic.
 */
export async function runBatch(jobs: readonly Job[], options: BatchOptions): Promise<void> {
  const results = new Map<number, BatchResult>();
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
  const accept = (r: BatchResult) => {
    results.set(r.id, r);
    done++;
    options.onProgress?.(done, jobs.length);
    deliver();
  };
  if (options.jobs <= 1 || !options.workerScript || jobs.length <= 1) {
    for (const job of jobs) accept(await runJob(job));
    return;
  }
  const size = Math.min(options.jobs, jobs.length);
  // chunks small enough that every worker gets several (the last ones balance the load)
  const chunkSize = Math.max(1, Math.min(MAX_CHUNK, Math.floor(jobs.length / (size * 4))));
  let queued = 0;
  await new Promise<void>((resolve, reject) => {
    let live = size;
    for (let w = 0; w < size; w++) {
      // V8 serialization: the results carry their pages as bytes (Uint8Array), which JSON cannot
      const worker = fork(options.workerScript!, [], {
        env: { ...process.env, YK_WORKER: "1" },
        stdio: ["ignore", "ignore", "inherit", "ipc"],
        serialization: "advanced",
      });
      const inFlight = new Map<number, Job>(); // id → job, for a worker that dies
      let chunksInFlight = 0;
      const feed = () => {
        while (chunksInFlight < IN_FLIGHT && queued < jobs.length) {
          const chunk = jobs.slice(queued, queued + chunkSize);
          queued += chunk.length;
          for (const job of chunk) inFlight.set(job.id, job);
          chunksInFlight++;
          worker.send(chunk);
        }
        if (chunksInFlight === 0) worker.disconnect();
      };
      worker.on("message", (rs: PooledResult[]) => {
        for (const r of rs) {
          inFlight.delete(r.id);
          accept(r);
        }
        chunksInFlight--;
        feed();
      });
      worker.on("error", reject);
      worker.on("exit", (code) => {
        // a worker that died (out of memory, a crash) reports its pages as failed; the others go on
        for (const job of inFlight.values()) accept({ id: job.id, ok: false, error: `${job.file}: worker exited with code ${code}` });
        inFlight.clear();
        if (--live === 0) resolve();
      });
      feed();
    }
  });
}

export function relativeOutput(root: string, file: string, extension: string): string {
  return relative(root, file).replace(/\.(txt|pdf)$/i, extension);
}
