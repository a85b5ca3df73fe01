// A React app installs the package from the repository path, as the README says, and uses it with types.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";
import { PACKAGE_DIR } from "../support/contract.js";

const run = promisify(execFile);
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

const APP = `import { createCruddurClient, type Activity, type ErrorCode } from "@cruddur/frontend-contract";

const client = createCruddurClient({
  baseUrl: "http://localhost:4567",
  getAccessToken: async () => localStorage.getItem("access_token"),
});

export async function homeFeed(): Promise<Activity[]> {
  const { data, error } = await client.GET("/api/activities/home");
  if (error) {
    const codes: ErrorCode[] = error;
    console.log(codes);
    return [];
  }
  const first: string | undefined = data[0]?.display_name;
  console.log(first);
  return data;
}

export async function post(message: string) {
  const { error, response } = await client.POST("/api/activities", { body: { message, ttl: "7-days" } });
  // @ts-expect-error the error of this operation is its documented codes only
  const wrong: "no_such_code"[] | undefined = error;
  return { status: response.status, codes: error ?? [], wrong };
}

export async function typo() {
  // @ts-expect-error the contract has no such path
  await client.GET("/api/activities/hme");
}
`;

test("npm install --install-links <repository path>, then typed calls with { data, error } type-check, import and require", async () => {
  const app = mkdtempSync(join(tmpdir(), "cruddur-react-app-"));
  try {
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "react-app", private: true, type: "module" }));
    await run(npm, ["install", "--install-links", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", PACKAGE_DIR], { cwd: app });
    writeFileSync(join(app, "App.ts"), APP);
    writeFileSync(join(app, "tsconfig.json"), JSON.stringify({
      compilerOptions: { target: "ES2022", module: "ESNext", moduleResolution: "Bundler", lib: ["ES2022", "DOM"], strict: true, noEmit: true },
      files: ["App.ts"],
    }));
    const tsc = join(PACKAGE_DIR, "node_modules", "typescript", "bin", "tsc");
    await run(process.execPath, [tsc, "-p", join(app, "tsconfig.json")]).catch((error) => {
      assert.fail(`the app does not type-check against the installed package:\n${error.stdout}${error.stderr}`);
    });
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e",
      "const m = await import('@cruddur/frontend-contract'); console.log(typeof m.createCruddurClient);"], { cwd: app });
    assert.equal(stdout.trim(), "function");
    const required = await run(process.execPath, ["--input-type=commonjs", "-e",
      "console.log(typeof require('@cruddur/frontend-contract').createCruddurClient);"], { cwd: app });
    assert.equal(required.stdout.trim(), "function", "CommonJS (a Jest setup) requires the installed package");
  } finally {
    rmSync(app, { recursive: true, force: true });
  }
});
