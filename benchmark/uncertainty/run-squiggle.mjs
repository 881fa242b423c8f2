// Evaluates six-workloads.squiggle with @quri/squiggle-lang's run() at a given sample count and
// prints the mean and the 5th, 50th and 95th percentiles of its outputs, one line each.
// Usage: node run-squiggle.mjs [SAMPLES] [--model full|core] [--all] [--seed SEED] [--json]
//   SAMPLES  sampleCount of the Squiggle environment (default 10000)
//   --model  full: six-workloads.squiggle, every figure envelope computes (default);
//            core: six-workloads-core.squiggle, the main figures only
//   --all    summarise every output (each workload's figures too), not only the headline ones
//   --seed   Squiggle's seed (a string; default Squiggle's own default seed)
//   --json   print the summaries as JSON instead of a table
// Exits 1, with Squiggle's error on stderr, when the model does not evaluate.
import { readFileSync } from "node:fs";
import { defaultEnvironment, run } from "@quri/squiggle-lang";

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return false;
  args.splice(i, 1);
  return true;
};
const option = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const [, value] = args.splice(i, 2);
  if (value === undefined) usage(`${name} needs a value`);
  return value;
};
function usage(message) {
  console.error(`run-squiggle: ${message}`);
  console.error("usage: node run-squiggle.mjs [SAMPLES] [--model full|core] [--all] [--seed SEED] [--json]");
  process.exit(2);
}

const all = flag("--all");
const json = flag("--json");
const seed = option("--seed") ?? defaultEnvironment.seed;
const model = option("--model") ?? "full";
const files = { full: "six-workloads.squiggle", core: "six-workloads-core.squiggle" };
if (!(model in files)) usage(`--model must be full or core (got '${model}')`);
const file = files[model];
if (args.length > 1) usage(`unexpected arguments: ${args.slice(1).join(" ")}`);
const samples = args.length ? Number(args[0]) : 10000;
if (!Number.isInteger(samples) || samples < 1) usage(`SAMPLES must be a positive integer (got '${args[0]}')`);

let code = readFileSync(new URL(file, import.meta.url), "utf8");
if (all) {
  const summarised = code.replace(/^report = headline$/m, "report = outputs");
  if (summarised === code) usage(`${file} has no line 'report = headline' to switch to every output`);
  code = summarised;
}

const output = await run(code, {
  environment: { ...defaultEnvironment, sampleCount: samples, seed },
});
const result = output.result;
if (!result.ok) {
  const errors = result.value.errors ?? [result.value];
  const where = (e) => {
    const at = e.location?.();
    return at ? `${file}:${at.start.line}:${at.start.column}: ` : "";
  };
  console.error(`run-squiggle: ${file} failed:`);
  for (const e of errors) console.error(`${where(e)}${e.toStringWithDetails?.() ?? e.toString()}`);
  process.exit(1);
}
const summaries = result.value.result.asJS();
// asJS() gives a Squiggle dict as {vtype: "Dict", value: {...}}; unwrap the nested dicts.
const plain = (v) =>
  v && v.vtype === "Dict" ? Object.fromEntries(Object.entries(v.value).map(([k, x]) => [k, plain(x)])) : v;
const table = plain(summaries);

if (json) {
  console.log(JSON.stringify({ model: file, samples, seed, outputs: table }, null, 2));
} else {
  const fmt = (x) => (Math.abs(x) >= 1e4 || (x !== 0 && Math.abs(x) < 1e-2) ? x.toExponential(3) : x.toPrecision(4));
  const names = Object.keys(table);
  const width = Math.max(...names.map((n) => n.length));
  console.log(`${file}: squiggle-lang 0.10.0, ${samples} samples, seed ${seed}`);
  console.log(`${"output".padEnd(width)}  ${["mean", "p5", "p50", "p95"].map((h) => h.padStart(10)).join("  ")}`);
  for (const name of names) {
    const s = table[name];
    console.log(`${name.padEnd(width)}  ${[s.mean, s.p5, s.p50, s.p95].map((x) => fmt(x).padStart(10)).join("  ")}`);
  }
}
