// The TypeScript types of the contract: generated from openapi.yaml by openapi-typescript and committed, so that a
// frontend installing this package from the repository gets them without a build.
//   node scripts/types.js --write   regenerate generated/openapi.d.ts (npm run generate)
//   node scripts/types.js --check   fail unless the committed file is exactly what the contract generates, and a
//                                   second generation (in a fresh process) is byte-for-byte the same
//   node scripts/types.js --print   print the generated types (used by --check)
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const contract = join(root, "openapi.yaml");
const output = join(root, "generated", "openapi.d.ts");

const HEADER = `/**
 * The Cruddur API's types, generated from openapi.yaml by openapi-typescript. Do not edit: change openapi.yaml and
 * run \`npm run generate\` in frontend-contract; the build fails when this file is out of date.
 */

`;

/** The generated types of the contract at {@code contractPath}. Options are fixed: the same contract, the same text. */
export async function generate(contractPath = contract) {
  const ast = await openapiTS(pathToFileURL(contractPath), { rootTypes: true, rootTypesNoSchemaPrefix: true, silent: true });
  return HEADER + astToString(ast).replace(/\r\n/g, "\n");
}

async function main(mode) {
  if (mode === "--print") {
    process.stdout.write(await generate());
  } else if (mode === "--write") {
    mkdirSync(dirname(output), { recursive: true });
    writeFileSync(output, await generate());
    console.log(`wrote ${relative(process.cwd(), output)}`);
  } else if (mode === "--check") {
    const first = await generate();
    const second = execFileSync(process.execPath, [fileURLToPath(import.meta.url), "--print"], { encoding: "utf8", maxBuffer: 64 << 20 });
    if (first !== second) {
      fail("the type generation is not deterministic: two generations from the same openapi.yaml differ");
    }
    let committed = "";
    try {
      committed = readFileSync(output, "utf8");
    } catch {
      // missing: reported below
    }
    if (committed !== first) {
      fail(`${relative(root, output)} is out of date with openapi.yaml: run \`npm run generate\` in frontend-contract and commit the result`);
    }
    console.log(`${relative(root, output)} is up to date with openapi.yaml (and its generation is deterministic)`);
  } else {
    fail("usage: node scripts/types.js --write | --check | --print");
  }
}

function fail(message) {
  console.error(`frontend-contract: ${message}`);
  process.exit(1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await main(process.argv[2]);
}
