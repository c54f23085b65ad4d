// A folder of pages to JSON Lines, one page per line in file order, parsed on a pool of worker
// threads: the same as `yk parse pages --format jsonl --out out/pages.jsonl --jobs 2`.
import { run } from "@yk/cli";

export async function batch(folder, out, jobs = 2) {
  let errors = "";
  const code = await run(["parse", folder, "--format", "jsonl", "--out", out, "--jobs", String(jobs)], {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => (errors += s),
    stdin: () => new Uint8Array(),
  });
  return { code, errors };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [folder = "pages", out = "out/pages.jsonl"] = process.argv.slice(2);
  const { code, errors } = await batch(folder, out);
  process.stderr.write(errors);
  console.log(`wrote ${out}`);
  process.exitCode = code;
}
