// Where the backend under test is: environment variables first, then the `.cruddur/local.env` that bin/dev writes
// (in CRUDDUR_STATE_DIR when set), then bin/dev's defaults.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { PACKAGE_DIR } from "./contract.js";

const stateDir = resolve(PACKAGE_DIR, "..", process.env.CRUDDUR_STATE_DIR || join(PACKAGE_DIR, "..", ".cruddur"));

function localEnv() {
  const file = join(stateDir, "local.env");
  const values = {};
  if (existsSync(file)) {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*)$/.exec(line);
      if (match) {
        values[match[1]] = match[2].trim();
      }
    }
  }
  return { file, values };
}

const local = localEnv();
const setting = (name, fallback) => process.env[name] || local.values[name] || fallback;

export const config = {
  apiUrl: setting("CRUDDUR_API_URL", "http://localhost:4567").replace(/\/+$/, ""),
  cognitoEndpoint: setting("COGNITO_ENDPOINT", "http://localhost:9229").replace(/\/+$/, ""),
  cognitoClientId: setting("COGNITO_CLIENT_ID"),
  demoPassword: setting("CRUDDUR_DEMO_PASSWORD"),
  frontendOrigin: setting("FRONTEND_ORIGIN", "http://localhost:3000"),
  // where the local Cognito writes each confirmation and reset code (bin/dev: .cruddur/cognito-codes.txt)
  cognitoCodesFile: process.env.COGNITO_CODES_FILE || join(stateDir, "cognito-codes.txt"),
};

/** Fails with what to do when the sign-in settings are missing. */
export function requireSignInSettings() {
  const missing = [["COGNITO_CLIENT_ID", config.cognitoClientId], ["CRUDDUR_DEMO_PASSWORD", config.demoPassword]]
    .filter(([, value]) => !value).map(([name]) => name);
  if (missing.length) {
    throw new Error(`${missing.join(" and ")} not set, and not in ${local.file}: start bin/dev (it writes that file) `
      + "or set them in the environment");
  }
}
