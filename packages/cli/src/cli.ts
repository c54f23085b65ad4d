import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { availableParallelism } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { EXTRACTOR_STYLES, reflow, type ExtractorStyle } from "@yk/reflow";
import { createExtractor } from "@yk/cn-entities";
import { pageJsonSchema, safeParsePage } from "@yk/schema";
import { renderIndexHtml, type IndexEntry } from "@yk/html";
import { version } from "../package.json";
import { decode, InputError } from "./decode.js";
import { FORMATS, parseBytes, render, renderPages, type Format } from "./pipeline.js";
import { listTextFiles, relativeOutput, runBatch } from "./batch.js";
import type { Job } from "./worker.js";

export const EXIT = { ok: 0, badInput: 1, usage: 2 } as const;

export class UsageError extends Error {
  readonly code = "YK_USAGE";
}
export { InputError };

export interface Io {
  /** Text, or the UTF-8 bytes of text (pages of a folder run, as the workers encoded them). */
  stdout: (s: string | Uint8Array) => void;
  stderr: (s: string) => void;
  stdin: () => Uint8Array;
  /**
   * Is something piped or redirected into stdin? Then a command given no input reads it, as
   * `cat page.txt | yk parse` expects; otherwise (a terminal, or nothing) no input is a usage error.
   */
  stdinPiped?: boolean;
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

// Option values are checked where commander reads them: a bad one is a usage error, one line naming
// the option and the value (commander: "option '--date <YYYY-MM-DD>' argument '2023-02-30' is invalid. …").

function calendarDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) : null;
  if (!m || !d || d.getUTCMonth() !== +m[2]! - 1 || d.getUTCDate() !== +m[3]!) {
    throw new InvalidArgumentError("It must be a calendar date YYYY-MM-DD.");
  }
  return value;
}

function wholeNumber(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError("It must be a whole number ≥ 1.");
  return n;
}

/** The printed page number (版次), 1 or more: `publication.page` is a number. */
function pageNumber(value: string): string {
  if (!/^\d{1,4}$/.test(value) || /^0+$/.test(value)) {
    throw new InvalidArgumentError("It must be a page number of 1 or more, such as 3.");
  }
  return value;
}

function nonEmpty(value: string): string {
  if (value.trim() === "") throw new InvalidArgumentError("It must not be empty.");
  return value;
}

const formatOption = (formats: readonly Format[]) =>
  new Option("--format <format>", "output format (default: json for a file, jsonl for a folder)").choices(formats);
const extractorOption = () =>
  new Option("--extractor <style>", "the tool that extracted the text (default: told from the text itself)").choices(["auto", ...EXTRACTOR_STYLES]);
const dateOption = () =>
  new Option("--date <YYYY-MM-DD>", "publication date: completes datelines and relative dates (去年, 正月初七)").argParser(calendarDate);

function readBytes(input: string, io: Io): Uint8Array {
  if (input === "-") return io.stdin();
  try {
    return readFileSync(input);
  } catch (e) {
    throw new InputError(`${input}: cannot read (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

/** The bytes of a file, or of stdin for `-` or when no input is given and stdin is piped. */
function readInput(input: string | undefined, io: Io, command: string): { bytes: Uint8Array; name: string } {
  if (input === undefined) {
    if (!io.stdinPiped) throw new UsageError(`missing input: give a file, or - for stdin, or pipe text in (see yk ${command} --help)`);
    input = "-";
  }
  const name = input === "-" ? "stdin" : input;
  return { bytes: readBytes(input, io), name };
}

/** The text of a file, or of stdin for `-` or when no input is given and stdin is piped. */
function readText(input: string | undefined, io: Io, command: string): { text: string; name: string } {
  const { bytes, name } = readInput(input, io, command);
  return { text: decode(bytes, name), name };
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

interface ParseOptions {
  format?: Format;
  date?: string;
  publication?: string;
  page?: string;
  out?: string;
  jobs?: number;
  extractor?: ExtractorStyle | "auto";
}

async function parseFolder(dir: string, options: ParseOptions, io: Io): Promise<number> {
  const format = options.format ?? "jsonl";
  const { out } = options;
  if (format !== "jsonl" && !out) throw new UsageError(`a folder run with --format ${format} needs --out DIR (one file per page)`);
  const files = listTextFiles(dir);
  const jobs = options.jobs ?? defaultJobs(files, availableParallelism());
  const list: Job[] = files.map((file, id) => ({ id, file, format, date: options.date, publication: options.publication, page: options.page, extractor: options.extractor }));
  let failed = 0;
  const stream = format === "jsonl" && out ? (mkdirSync(dirname(out), { recursive: true }), createWriteStream(out)) : null;
  const extension = format === "text" ? ".txt" : format === "html" ? ".html" : ".json";
  const index: IndexEntry[] = []; // --format html: the lines of index.html
  await runBatch(list, {
    jobs,
    workerScript: io.workerScript ?? defaultWorkerScript(),
    onProgress: progressBar(io),
    onResult(file, result) {
      if (!result.ok) {
        if (format === "html") index.push({ href: "", name: relative(dir, file), articles: 0, warnings: [], error: result.error });
        failed++;
        io.stderr(`${io.isTTY ? "\n" : ""}yk: ${result.error}\n`);
        return;
      }
      if (format === "jsonl") {
        if (stream) stream.write(result.output);
        else io.stdout(result.output);
      } else {
        const target = join(out!, relativeOutput(dir, file, extension));
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, result.output);
        if (result.entry) index.push({ ...result.entry, name: relative(dir, file), href: relativeOutput(dir, file, extension).split(sep).join("/") });
      }
    },
  });
  if (format === "html") {
    // a page of its own called index.txt keeps its view; the index then takes another name
    const name = index.some((e) => e.href === "index.html") ? "yk-index.html" : "index.html";
    mkdirSync(out!, { recursive: true });
    writeFileSync(join(out!, name), renderIndexHtml(index, { title: dir }));
  }
  if (stream) await new Promise<void>((resolve, reject) => stream.end((e?: Error | null) => (e ? reject(e) : resolve())));
  if (files.length === 0) io.stderr(`yk: ${dir}: no *.txt or *.pdf files\n`);
  return failed > 0 ? EXIT.badInput : EXIT.ok;
}

async function parseCommand(input: string | undefined, options: ParseOptions, io: Io): Promise<number> {
  if (input !== undefined && input !== "-" && isDirectory(input)) return parseFolder(input, options, io);
  const { bytes, name } = readInput(input, io, "parse");
  const pages = await parseBytes(bytes, {
    date: options.date,
    publication: options.publication,
    page: options.page,
    extractor: options.extractor,
    sourceName: name,
    keepText: options.format === "html",
  });
  const output = renderPages(pages, options.format ?? "json");
  if (options.out) {
    mkdirSync(dirname(options.out), { recursive: true });
    writeFileSync(options.out, output);
  } else io.stdout(output);
  return EXIT.ok;
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

function validateCommand(input: string | undefined, io: Io): number {
  const { text, name } = readText(input, io, "validate");
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

const INPUT = "a text file, or - for stdin (default: stdin when something is piped in)";

const EXIT_CODES = `
Exit codes: 0 ok; 1 bad input or an invalid page (in a folder run: any page failed, the others
are still written); 2 usage (an unknown command or option, a bad option value, no input).`;

const FOLDER_HELP = `
A PDF (told by its %PDF bytes) gives one page per PDF page, read from its glyph positions; JSON
of several pages comes out as JSON Lines. A folder is read recursively (*.txt, *.pdf) on a pool
of --jobs worker processes (default: one per
8 MB of pages, at most the core count: each worker loads its own dictionary first, about 1.5 s),
with a progress bar on stderr when it is a terminal. --format jsonl (the default for folders)
writes one JSON line per page, in file order, to --out FILE or stdout; the other formats need
--out DIR and write one file per page there, mirroring the folder; --format html adds an
index.html listing the pages with their article counts and warnings. A page that fails is reported
on stderr and the others still finish.
Input: UTF-8 (BOM or not), UTF-16 with a BOM, or GB18030/GBK.

Examples:
  yk parse page.txt --format text --date 2023-01-12
  yk parse page.txt --format html --out page.html
  yk parse e-paper.pdf --format jsonl
  cat page.txt | yk parse --format jsonl
  yk parse pages/ --out pages.jsonl --jobs 2`;

/** The command line, built anew for each run (commander keeps the parsed state on it). */
export function createProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command("yk")
    .description("Parse Chinese newspaper pages: articles, bylines, entities, as JSON, JSON Lines, ninjs, JSON-LD, text or an HTML view.")
    .version(version, "-v, --version", "print the version")
    .helpOption("-h, --help", "print help (yk <command> --help for a command's)")
    .helpCommand("help [command]", "print help for a command")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      // one line, prefixed as every other failure of yk
      outputError: (s, write) => write(`yk: ${s.replace(/^error: /, "")}`),
    })
    .addHelpText("after", EXIT_CODES);

  program
    .command("parse")
    .summary("parse a page (text or PDF), or every *.txt and *.pdf below a folder")
    .description("Parse a page (raw text extracted from a PDF, or the PDF itself) into articles with entities, or every *.txt and *.pdf below a folder.")
    .argument("[input]", `${INPUT}, or a folder`)
    .addOption(formatOption(FORMATS))
    .addOption(dateOption())
    .addOption(extractorOption())
    .option("--publication <name>", "the publication's name", nonEmpty)
    .option("--page <N>", "the printed page number (版次), such as 3; read from the page when absent", pageNumber)
    .option("--out <path>", "write to this file (a folder run with --format other than jsonl: this folder)", nonEmpty)
    .option("--jobs <N>", "worker processes for a folder run", wholeNumber)
    .addHelpText("after", FOLDER_HELP + "\n" + EXIT_CODES)
    .action(async (input: string | undefined, options: ParseOptions) => setExit(await parseCommand(input, options, io)));

  program
    .command("entities")
    .summary("people with titles, organizations, places, dates of plain text")
    .description("Entities of plain text: people with their titles, organizations, places, dates (normalized), numbers.")
    .argument("[input]", INPUT)
    .option("--jsonl", 'one {"text"} object per input line in, one {"entities"} line out')
    .addOption(dateOption())
    .addHelpText("after", EXIT_CODES)
    .action((input: string | undefined, options: { jsonl?: boolean; date?: string }) => {
      const { text } = readText(input, io, "entities");
      if (options.jsonl) return setExit(entitiesJsonl(text, options.date, io));
      io.stdout(JSON.stringify(createExtractor().extract(text, { date: options.date }), null, 2) + "\n");
      setExit(EXIT.ok);
    });

  program
    .command("reflow")
    .summary("the reflowed paragraphs of raw column text")
    .argument("[input]", INPUT)
    .addOption(extractorOption())
    .addHelpText("after", EXIT_CODES)
    .action((input: string | undefined, options: { extractor?: ExtractorStyle | "auto" }) => {
      const { text } = readText(input, io, "reflow");
      io.stdout(reflow(text, { extractor: options.extractor }).paragraphs.map((p) => p.text).join("\n\n") + "\n");
      setExit(EXIT.ok);
    });

  program
    .command("validate")
    .summary("check a page JSON against the schema, one line per problem with its path")
    .argument("[input]", "a page JSON file, or - for stdin (default: stdin when something is piped in)")
    .addHelpText("after", EXIT_CODES)
    .action((input: string | undefined) => setExit(validateCommand(input, io)));

  program
    .command("schema")
    .summary("print the page's JSON Schema (draft 2020-12)")
    .action(() => {
      io.stdout(JSON.stringify(pageJsonSchema(), null, 2) + "\n");
      setExit(EXIT.ok);
    });

  return program;
}

/** The global help, as `yk --help` prints it. */
export function usage(): string {
  return createProgram({ stdout: () => {}, stderr: () => {}, stdin: () => new Uint8Array() }, () => {}).helpInformation();
}

/** Run the command line; resolves to the exit code. Every failure is one line on stderr. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let code: number = EXIT.ok;
  const program = createProgram(io, (c) => (code = c));
  try {
    if (argv.length === 0) {
      // no command: the help, on stderr, as a usage error
      io.stderr(program.helpInformation());
      return EXIT.usage;
    }
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and --version end with exit code 0; everything else commander refuses is usage
      // (commander has already written its message, prefixed above)
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const err = e as Error & { code?: string };
    io.stderr(`yk: ${err.message}\n`);
    if (e instanceof UsageError || err.code === "YK_INVALID_OPTION") return EXIT.usage;
    return EXIT.badInput;
  }
}
