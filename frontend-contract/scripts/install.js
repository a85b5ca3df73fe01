// Installs the package's pinned npm dependencies (npm ci of the committed lockfile), but only when the lockfile
// changed since the last install, so that a build pays for it once. The same pattern as the local emulators'.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(dirname(fileURLToPath(import.meta.url)));
const hash = createHash("sha256").update(readFileSync(join(here, "package-lock.json"))).digest("hex");
const stamp = join(here, "node_modules", ".cruddur-lock-sha256");

if (!(existsSync(stamp) && readFileSync(stamp, "utf8") === hash)) {
  console.log("Installing the frontend contract's npm packages (npm ci)...");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  execFileSync(npm, ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: here, stdio: "inherit" });
  writeFileSync(stamp, hash);
}
