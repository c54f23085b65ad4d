import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { reflow } from "@yk/reflow";
import { createExtractor } from "@yk/cn-entities";
import { pageJsonSchema, safeParsePage } from "@yk/schema";
import { decode, InputError } from "./decode.js";
import { FORMATS, parseText, render, type Format } from "./pipeline.js";
import { listTextFiles, relativeOutput, runBatch } from "./batch.js";
import type { Job } from "./worker.js";

export const EXIT = { ok: 0, badInput: 1, usage: 2 } as const;

export class UsageError extends Error {
  readonly code = "YK_USAGE";
}
export { InputError };

export const USAGE = `usage:
  yk parse <file|dir|-> [--format json|jsonl|ninjs|jsonld|text] [--date YYYY-MM-DD]
                        [--publication NAME] [--page N] [--out PATH] [--jobs N]
  yk entities [file|-] [--jsonl] [--date YYYY-MM-DD]
  yk reflow <file|->
  yk validate <page.json|->
  yk schema

A folder is read recursively (*.txt) on a pool of --jobs workers (default: one per 8 MB of
pages, at most the core count: each worker loads its own dictionary first, about 1.5 s);
--format jsonl (the default for folders) writes one JSON line per page to --out or stdout;
other formats need --out DIR and write one file per page. Exit codes: 0 ok, 1 bad input or
invalid page (in a folder run: any page failed; the others are still written), 2 usage.`;

export interface Io {
  /** Text, or the UTF-8 bytes of text (pages of a folder run, as the workers encoded them). */
  stdout: (s: string | Uint8Array) => void;
  stderr: (s: string) => void;
  stdin: () => Uint8Array;
  /** Is stderr a terminal (for the progress bar)? */
  isTTY?: boolean;
  /** The built worker script, for folder runs on several threads (default: the one beside this module). */
  workerScript?: string;
}

/** The worker script shipped beside the built module, or undefined when running from source. */
export function defaultWorkerScript(): string | undefined {
  const here = fileURLToPath(import.meta.url);
  const script = join(dirname(here), here.endsWith(".cjs") ? "worker.cjs" : "worker.js");
  return existsSync(script) ? script : undefined;
}

const FLAGS: Record<string, "value" | "boolean"> = {
  format: "value",
  date: "value",
  publication: "value",
  page: "value",
  out: "value",
  jobs: "value",
  jsonl: "boolean",
  help: "boolean",
};

interface Args {
  command: string;
  input?: string;
  flags: Record<string, string>;
}

function parseArgs(argv: readonly string[]): Args {
  const [command, ...rest] = argv;
  if (!command) throw new UsageError(`missing command\n${USAGE}`);
  const flags: Record<string, string> = {};
  let input: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a.startsWith("--")) {
      const [key, inline] = a.slice(2).split("=", 2) as [string, string | undefined];
      const kind = FLAGS[key];
      if (!kind) throw new UsageError(`unknown option --${key}`);
      if (kind === "boolean") {
        flags[key] = "true";
        continue;
      }
      const value = inline ?? rest[++i];
      if (value === undefined) throw new UsageError(`option --${key} needs a value`);
      flags[key] = value;
    } else if (input === undefined) input = a;
    else throw new UsageError(`unexpected argument ${a}`);
  }
  return { command, input, flags };
}

function checkDate(date: string | undefined): void {
  if (date === undefined) return;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const d = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) : null;
  if (!m || !d || d.getUTCMonth() !== +m[2]! - 1 || d.getUTCDate() !== +m[3]!) {
    throw new UsageError(`option --date must be a calendar date YYYY-MM-DD, got ${date}`);
  }
}

function checkFormat(format: string): Format {
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown --format ${format}; use ${FORMATS.join(", ")}`);
  return format as Format;
}

function readBytes(input: string, io: Io): Uint8Array {
  if (input === "-") return io.stdin();
  try {
    return readFileSync(input);
  } catch (e) {
    throw new InputError(`${input}: cannot read (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

function readText(input: string | undefined, io: Io): { text: string; name: string } {
  if (input === undefined) throw new UsageError(`missing input\n${USAGE}`);
  const name = input === "-" ? "stdin" : input;
  return { text: decode(readBytes(input, io), name), name };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function progressBar(io: Io): ((done: number, total: number) => void) | undefined {
  if (!io.isTTY) return undefined;
  return (done, total) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    io.stderr(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} pages`);
    if (done === total) io.stderr("\n");
  };
}

/** Bytes of pages that make another worker worth its start-up (its own dictionary load). */
export const BYTES_PER_WORKER = 8 * 1024 * 1024;

/** The default pool size: one worker per {@link BYTES_PER_WORKER} of pages, at least one, at most `cores`. */
export function defaultJobs(files: readonly string[], cores: number): number {
  let bytes = 0;
  for (const f of files) {
    try {
      bytes += statSync(f).size;
    } catch {
      // unreadable: reported when its turn comes
    }
    if (bytes >= cores * BYTES_PER_WORKER) return cores;
  }
  return Math.max(1, Math.min(cores, Math.floor(bytes / BYTES_PER_WORKER)));
}

async function parseFolder(dir: string, flags: Record<string, string>, io: Io): Promise<number> {
  const format = checkFormat(flags.format ?? "jsonl");
  if (flags.jobs !== undefined && !(Number.isInteger(Number(flags.jobs)) && Number(flags.jobs) >= 1)) {
    throw new UsageError(`option --jobs must be a whole number ≥ 1, got ${flags.jobs}`);
  }
  if (format !== "jsonl" && !flags.out) throw new UsageError(`a folder run with --format ${format} needs --out DIR (one file per page)`);
  const files = listTextFiles(dir);
  const jobs = flags.jobs !== undefined ? Number(flags.jobs) : defaultJobs(files, availableParallelism());
  const list: Job[] = files.map((file, id) => ({ id, file, format, date: flags.date, publication: flags.publication, page: flags.page }));
  let failed = 0;
  const stream = format === "jsonl" && flags.out ? (mkdirSync(dirname(flags.out), { recursive: true }), createWriteStream(flags.out)) : null;
  const extension = format === "text" ? ".txt" : ".json";
  await runBatch(list, {
    jobs,
    workerScript: io.workerScript ?? defaultWorkerScript(),
    onProgress: progressBar(io),
    onResult(file, result) {
      if (!result.ok) {
        failed++;
        io.stderr(`${io.isTTY ? "\n" : ""}yk: ${result.error}\n`);
        return;
      }
      if (format === "jsonl") {
        if (stream) stream.write(result.output);
        else io.stdout(result.output);
      } else {
        const target = join(flags.out!, relativeOutput(dir, file, extension));
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, result.output);
      }
    },
  });
  if (stream) await new Promise<void>((resolve, reject) => stream.end((e?: Error | null) => (e ? reject(e) : resolve())));
  if (files.length === 0) io.stderr(`yk: ${dir}: no *.txt files\n`);
  return failed > 0 ? EXIT.badInput : EXIT.ok;
}

function entitiesJsonl(text: string, date: string | undefined, io: Io): number {
  const { extract } = createExtractor();
  let bad = 0;
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === "") lines.pop();
  lines.forEach((line, n) => {
    let sentence: unknown;
    try {
      sentence = (JSON.parse(line) as { text?: unknown }).text;
    } catch {
      sentence = undefined;
    }
    if (typeof sentence !== "string") {
      bad++;
      io.stderr(`yk: line ${n + 1}: expected {"text": "..."}\n`);
      io.stdout(JSON.stringify({ entities: [], error: "expected {\"text\": \"...\"}" }) + "\n");
      return;
    }
    const entities = extract(sentence, { date }).flatMap((e) =>
      e.mentions.map((m) => ({
        type: e.type,
        start: m.start,
        end: m.end,
        text: e.text,
        ...(e.normalized !== undefined ? { normalized: e.normalized } : {}),
        ...(e.titles?.length ? { titles: e.titles } : {}),
      })),
    );
    entities.sort((a, b) => a.start - b.start);
    io.stdout(JSON.stringify({ entities }) + "\n");
  });
  return bad > 0 ? EXIT.badInput : EXIT.ok;
}

async function dispatch(args: Args, io: Io): Promise<number> {
  const { flags } = args;
  if (flags.help) {
    io.stdout(USAGE + "\n");
    return EXIT.ok;
  }
  switch (args.command) {
    case "parse": {
      checkDate(flags.date);
      if (args.input !== undefined && args.input !== "-" && isDirectory(args.input)) return parseFolder(args.input, flags, io);
      const format = checkFormat(flags.format ?? "json");
      const { text, name } = readText(args.input, io);
      const output = render(parseText(text, { date: flags.date, publication: flags.publication, page: flags.page, sourceName: name }), format);
      if (flags.out) {
        mkdirSync(dirname(flags.out), { recursive: true });
        writeFileSync(flags.out, output);
      } else io.stdout(output);
      return EXIT.ok;
    }
    case "entities": {
      checkDate(flags.date);
      const { text } = readText(args.input ?? "-", io);
      if (flags.jsonl) return entitiesJsonl(text, flags.date, io);
      io.stdout(JSON.stringify(createExtractor().extract(text, { date: flags.date }), null, 2) + "\n");
      return EXIT.ok;
    }
    case "reflow": {
      const { text } = readText(args.input, io);
      io.stdout(reflow(text).paragraphs.map((p) => p.text).join("\n\n") + "\n");
      return EXIT.ok;
    }
    case "validate": {
      const { text, name } = readText(args.input, io);
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw new InputError(`${name}: not JSON`);
      }
      const result = safeParsePage(value);
      if (result.success) {
        io.stdout(`${name}: valid page\n`);
        return EXIT.ok;
      }
      for (const issue of result.issues) io.stderr(`${name}: ${issue.path}: ${issue.message}\n`);
      return EXIT.badInput;
    }
    case "schema":
      io.stdout(JSON.stringify(pageJsonSchema(), null, 2) + "\n");
      return EXIT.ok;
    case "help":
      io.stdout(USAGE + "\n");
      return EXIT.ok;
    default:
      throw new UsageError(`unknown command ${args.command}\n${USAGE}`);
  }
}

/** Run the command line; resolves to the exit code. Every failure is one line on stderr. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await dispatch(parseArgs(argv), io);
  } catch (e) {
    const err = e as Error & { code?: string };
    io.stderr(`yk: ${err.message}\n`);
    if (e instanceof UsageError || err.code === "YK_INVALID_OPTION") return EXIT.usage;
    return EXIT.badInput;
  }
}
