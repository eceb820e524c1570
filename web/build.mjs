// Builds the web page into ../api/web: one bundled script, one stylesheet, index.html.
// Asset names carry a content hash, so a browser never runs a stale script after a rebuild.
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "api", "web");

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });

const result = await esbuild.build({
  entryPoints: [join(here, "src", "main.js")],
  bundle: true,
  format: "esm",
  target: ["es2020", "chrome100", "firefox100", "safari15"],
  minify: true,
  sourcemap: "linked",
  // Bundled libraries keep their licence notices, in a file next to the script.
  legalComments: "linked",
  entryNames: "[name]-[hash]",
  outdir: out,
  metafile: true,
  logLevel: "warning",
});

const outputs = Object.keys(result.metafile.outputs).map((p) => basename(p));
const pick = (suffix) => {
  const found = outputs.filter((name) => name.startsWith("main-") && name.endsWith(suffix));
  if (found.length !== 1) throw new Error(`expected one main-*${suffix}, got ${found}`);
  return found[0];
};
const html = (await readFile(join(here, "src", "index.html"), "utf8"))
  .replace("{{script}}", `/static/${pick(".js")}`)
  .replace("{{style}}", `/static/${pick(".css")}`);
if (html.includes("{{")) throw new Error("index.html: a placeholder was left unfilled");
await writeFile(join(out, "index.html"), html);
// The licences of the npm packages bundled into the script, in full (MIT asks for the notice).
const packages = [
  ...new Set(
    Object.keys(result.metafile.inputs)
      .map((p) => p.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//)?.[1])
      .filter(Boolean),
  ),
].sort();
const notices = [];
for (const name of packages) {
  const dir = join(here, "node_modules", name);
  const meta = JSON.parse(await readFile(join(dir, "package.json"), "utf8"));
  const file = (await readdir(dir)).find((f) => /^(licen[cs]e|copying)/i.test(f));
  if (!file) throw new Error(`${name}: no licence file to ship with the bundle`);
  const text = await readFile(join(dir, file), "utf8");
  notices.push(`${name} ${meta.version} (${meta.license})\n\n${text.trim()}\n`);
}
// Licences of code that a bundled package carries inside itself without its notice.
for (const file of (await readdir(join(here, "licenses"))).sort()) {
  notices.push((await readFile(join(here, "licenses", file), "utf8")).trim() + "\n");
}
await writeFile(join(out, "THIRD-PARTY-NOTICES.txt"), notices.join(`\n${"-".repeat(72)}\n\n`));
console.log(`web page built into ${out}: ${outputs.filter((n) => !n.endsWith(".map")).join(", ")}`);
