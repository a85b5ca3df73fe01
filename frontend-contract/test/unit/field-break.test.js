// The guard of the fields the frontend uses (test/frontend-usage.ts, type-checked by `npm run check`) really fails,
// and names the field: a copy of the contract with fields renamed, retyped or made optional fails the type check.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";
import { parse, stringify } from "yaml";
import { generate } from "../../scripts/types.js";
import { CONTRACT_PATH, PACKAGE_DIR } from "../support/contract.js";

const run = promisify(execFile);

function rename(object, from, to) {
  object.properties[to] = object.properties[from];
  delete object.properties[from];
  object.required = object.required?.map((name) => (name === from ? to : name));
}

test("renaming, retyping or making optional a field the frontend reads fails the type check, naming the field", async () => {
  const contract = parse(readFileSync(CONTRACT_PATH, "utf8"));
  const schemas = contract.components.schemas;
  rename(schemas.Activity, "likes_count", "like_count"); // read by ActivityItem
  schemas.ProfileHeading.properties.cognito_user_uuid.type = "integer"; // the avatar URL is built from it
  schemas.MessageGroup.required = schemas.MessageGroup.required.filter((name) => name !== "handle"); // MessageGroupItem
  rename(schemas.ActivityCreateRequest, "ttl", "time_to_live"); // sent by ActivityForm

  const dir = mkdtempSync(join(tmpdir(), "cruddur-contract-"));
  try {
    mkdirSync(join(dir, "generated"));
    mkdirSync(join(dir, "test"));
    writeFileSync(join(dir, "openapi.yaml"), stringify(contract));
    writeFileSync(join(dir, "generated", "openapi.d.ts"), await generate(join(dir, "openapi.yaml")));
    for (const file of ["index.d.ts", "test/frontend-usage.ts", "test/tsconfig.json"]) {
      cpSync(join(PACKAGE_DIR, file), join(dir, file));
    }
    symlinkSync(join(PACKAGE_DIR, "node_modules"), join(dir, "node_modules"), "dir");

    const tsc = join(PACKAGE_DIR, "node_modules", "typescript", "bin", "tsc");
    const result = await run(process.execPath, [tsc, "-p", join(dir, "test", "tsconfig.json")]).then(
      () => ({ failed: false, output: "" }),
      (error) => ({ failed: true, output: `${error.stdout}${error.stderr}` }),
    );
    assert.ok(result.failed, "the type check passed although fields the frontend reads were broken");
    for (const field of ["likes_count", "cognito_user_uuid", "handle", "ttl"]) {
      assert.match(result.output, new RegExp(`'${field}'`), `tsc's errors name ${field}:\n${result.output}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
