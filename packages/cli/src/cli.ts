import { readFileSync, statSync } from "node:fs";
import iconv from "iconv-lite";
import { splitPage } from "@yk/article-split";
import { reflow } from "@yk/reflow";
import { createExtractor } from "@yk/cn-entities";
import { pageJsonSchema, safeParsePage, toJsonLd, toNinjs, type Page } from "@yk/schema";

export const EXIT = { ok: 0, badInput: 1, usage: 2 } as const;

export class UsageError extends Error {
  readonly code = "YK_USAGE";
}
export class InputError extends Error {
  readonly code = "YK_BAD_INPUT";
}

const USAGE = `usage:
  yk parse <file|-> [--format json|jsonl|ninjs|jsonld|text] [--date YYYY-MM-DD] [--publication NAME] [--page N]
  yk entities <file|-> [--date YYYY-MM-DD]
  yk reflow <file|->
  yk validate <page.json>
  yk schema`;

interface Args {
  command: string;
  input?: string;
  flags: Record<string, string>;
}

function parseArgs(argv: readonly string[]): Args {
  const [command, ...rest] = argv;
  if (!command) throw new UsageError(USAGE);
  const flags: Record<string, string> = {};
  let input: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a.startsWith("--")) {
      const [key, inline] = a.slice(2).split("=", 2);
      const value = inline ?? rest[++i];
      if (value === undefined) throw new UsageError(`option --${key} needs a value`);
      flags[key!] = value;
    } else if (input === undefined) input = a;
    else throw new UsageError(`unexpected argument ${a}`);
  }
  return { command, input, flags };
}

/** Decode input bytes: UTF-8 (BOM or not), UTF-16 with BOM, else GB18030; binary is refused. */
export function decode(bytes: Buffer, name: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(bytes.subarray(2), "utf16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(bytes.subarray(2), "utf16be");
  const sample = bytes.subarray(0, 65536);
  let nul = 0;
  for (const b of sample) if (b === 0) nul++;
  if (nul > 0) throw new InputError(`${name}: looks like binary data (NUL bytes), not text`);
  const utf8 = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  if (!utf8.includes("\uFFFD")) return utf8.replace(/^\uFEFF/, "");
  return iconv.decode(bytes, "gb18030");
}

function readInput(input: string | undefined, stdin: () => Buffer): { text: string; name: string } {
  if (input === undefined) throw new UsageError(`missing input file\n${USAGE}`);
  if (input === "-") return { text: decode(stdin(), "stdin"), name: "stdin" };
  let bytes: Buffer;
  try {
    if (statSync(input).isDirectory()) throw new InputError(`${input}: is a folder; folder runs come with the batch mode (not yet available)`);
    bytes = readFileSync(input);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${input}: cannot read (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
  return { text: decode(bytes, input), name: input };
}

function checkDate(date: string | undefined): void {
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`option --date must be YYYY-MM-DD, got ${date}`);
}

/** Fill each article's entities from its fields. */
export function withEntities(page: Page, date?: string): Page {
  const extractor = createExtractor();
  for (const a of page.articles) {
    const fields: [("kicker" | "headline" | "subheadline" | "paragraph" | "caption"), string | null, number | undefined][] = [
      ["kicker", a.kicker, undefined],
      ["headline", a.headline, undefined],
      ["subheadline", a.subheadline, undefined],
      ...a.paragraphs.map((p, k) => ["paragraph", p.text, k] as ["paragraph", string, number]),
      ...a.captions.map((c, k) => ["caption", c.text, k] as ["caption", string, number]),
    ];
    const merged = new Map<string, Page["articles"][number]["entities"][number]>();
    for (const [field, text, index] of fields) {
      if (!text) continue;
      for (const e of extractor.extract(text, { date, field, index })) {
        const key = `${e.type}\u0000${e.text}\u0000${e.normalized ?? ""}`;
        const have = merged.get(key);
        if (have) {
          have.mentions.push(...e.mentions);
          if (e.titles) have.titles = [...new Set([...(have.titles ?? []), ...e.titles])];
        } else merged.set(key, e);
      }
    }
    a.entities = [...merged.values()];
  }
  return page;
}

function summary(page: Page): string {
  const out: string[] = [];
  out.push(`section: ${page.section ?? "-"}    articles: ${page.articles.length}    furniture: ${page.furniture.length}    unassigned: ${page.unassigned.length}`);
  for (const a of page.articles) {
    out.push("");
    out.push(`[${a.id}] ${a.kind}`);
    if (a.kicker) out.push(`  kicker:      ${a.kicker}`);
    if (a.headline) out.push(`  headline:    ${a.headline}`);
    if (a.subheadline) out.push(`  subheadline: ${a.subheadline}`);
    const by = a.byline ?? a.captions.find((c) => c.credit)?.credit ?? null;
    if (by) out.push(`  byline:      ${by.text}  →  ${by.contributors.map((c) => `${c.name} (${c.role ?? "-"}, ${c.kind})`).join("; ")}`);
    out.push(`  paragraphs:  ${a.paragraphs.length}${a.captions.length ? `    captions: ${a.captions.length}` : ""}`);
    const list = (type: string, f: (e: Page["articles"][number]["entities"][number]) => string) => {
      const items = a.entities.filter((e) => e.type === type).map(f);
      if (items.length) out.push(`  ${(type + ":").padEnd(13)}${[...new Set(items)].join("、")}`);
    };
    list("person", (e) => (e.titles?.length ? `${e.text}（${e.titles.join("、")}）` : e.text));
    list("organization", (e) => e.text);
    list("location", (e) => e.text);
    list("date", (e) => (e.normalized ? `${e.text}=${e.normalized}` : e.text));
  }
  return out.join("\n") + "\n";
}

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stdin: () => Buffer;
}

export function run(argv: readonly string[], io: Io): number {
  try {
    const args = parseArgs(argv);
    const { flags } = args;
    switch (args.command) {
      case "parse": {
        checkDate(flags.date);
        const format = flags.format ?? "json";
        if (!["json", "jsonl", "ninjs", "jsonld", "text"].includes(format)) throw new UsageError(`unknown --format ${format}; use json, jsonl, ninjs, jsonld or text`);
        const { text, name } = readInput(args.input, io.stdin);
        const page = withEntities(
          splitPage(text, { date: flags.date, publication: flags.publication, page: flags.page, sourceName: name }),
          flags.date,
        );
        if (format === "text") io.stdout(summary(page));
        else if (format === "json") io.stdout(JSON.stringify(page, null, 2) + "\n");
        else if (format === "jsonl") io.stdout(JSON.stringify(page) + "\n");
        else if (format === "ninjs") io.stdout(JSON.stringify(page.articles.map((a) => toNinjs(a, page)), null, 2) + "\n");
        else io.stdout(JSON.stringify(page.articles.map((a) => toJsonLd(a, page)), null, 2) + "\n");
        return EXIT.ok;
      }
      case "entities": {
        checkDate(flags.date);
        const { text } = readInput(args.input, io.stdin);
        io.stdout(JSON.stringify(createExtractor().extract(text, { date: flags.date }), null, 2) + "\n");
        return EXIT.ok;
      }
      case "reflow": {
        const { text } = readInput(args.input, io.stdin);
        io.stdout(reflow(text).paragraphs.map((p) => p.text).join("\n\n") + "\n");
        return EXIT.ok;
      }
      case "validate": {
        const { text, name } = readInput(args.input, io.stdin);
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
      case "--help":
        io.stdout(USAGE + "\n");
        return EXIT.ok;
      default:
        throw new UsageError(`unknown command ${args.command}\n${USAGE}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`yk: ${e.message}\n`);
      return EXIT.usage;
    }
    const err = e as Error & { code?: string };
    io.stderr(`yk: ${err.message}\n`);
    return err.code === "YK_INVALID_OPTION" ? EXIT.usage : EXIT.badInput;
  }
}
