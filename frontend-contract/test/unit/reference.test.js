// The static HTML reference (`npm run docs`): one self-contained file, built from openapi.yaml.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";
import { parse } from "yaml";
import { PACKAGE_DIR } from "../support/contract.js";

const run = promisify(execFile);
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const DEFINITION = "const __redoc_definition = ";

test("npm run docs writes dist/api-reference.html: the contract, with Redoc inlined", async () => {
  await run(npm, ["run", "--silent", "docs"], { cwd: PACKAGE_DIR });
  const html = readFileSync(join(PACKAGE_DIR, "dist", "api-reference.html"), "utf8");
  const contract = parse(readFileSync(join(PACKAGE_DIR, "openapi.yaml"), "utf8"));

  assert.match(html, /<title>Cruddur API<\/title>/);
  const start = html.indexOf(DEFINITION);
  assert.ok(start > 0, "the page embeds the document it was built from");
  const embedded = JSON.parse(html.slice(start + DEFINITION.length, html.indexOf(";\n", start)));
  assert.deepEqual(embedded, contract);

  // self-contained: Redoc's script is in the file (a browser opens it from disk, offline), not fetched from a CDN
  for (const tag of html.match(/<script[^>]*>/g)) {
    assert.doesNotMatch(tag, /\ssrc=/, tag);
  }
  assert.doesNotMatch(html, /import\s*\{[^}]*\}\s*from\s*["']https?:/, "no script imported from the network");
  assert.ok(html.includes(contract.info.description.split("\n")[0].slice(0, 60).replaceAll('"', "&quot;")),
    "the introduction is prerendered, readable before any script runs");
});
