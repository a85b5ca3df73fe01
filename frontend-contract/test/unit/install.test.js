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

const APP = `import { createCruddurClient, CruddurApiError, type Activity, type ErrorCode } from "@cruddur/frontend-contract";

const client = createCruddurClient({
  baseUrl: "http://localhost:4567",
  getAccessToken: async () => localStorage.getItem("access_token"),
});

export async function homeFeed(): Promise<Activity[]> {
  try {
    const { data } = await client.GET("/api/activities/home");
    const first: string | undefined = data?.[0]?.display_name;
    console.log(first);
    return data ?? [];
  } catch (error) {
    const codes: ErrorCode[] = error instanceof CruddurApiError ? error.codes : ["generic_500"];
    console.log(codes);
    return [];
  }
}

export async function typo() {
  // @ts-expect-error the contract has no such path
  await client.GET("/api/activities/hme");
}
`;

test("npm install --install-links <repository path>, then a typed call of GET /api/activities/home type-checks and imports", async () => {
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
      "const m = await import('@cruddur/frontend-contract'); console.log(typeof m.createCruddurClient, typeof m.CruddurApiError);"], { cwd: app });
    assert.equal(stdout.trim(), "function function");
  } finally {
    rmSync(app, { recursive: true, force: true });
  }
});
