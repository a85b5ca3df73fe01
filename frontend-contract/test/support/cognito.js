// The user pools API as the frontend's Amplify calls it against the local Cognito: JSON over HTTP with an
// X-Amz-Target header, no signature. Demo users sign in with InitiateAuth USER_PASSWORD_AUTH; their tokens are
// cached per user for the run.
import { existsSync, readFileSync } from "node:fs";
import { config, requireSignInSettings } from "./config.js";

const tokens = new Map();

export async function accessToken(handle) {
  if (!tokens.has(handle)) {
    tokens.set(handle, signIn(`${handle}@cruddur.test`, config.demoPassword).then((result) => result.AccessToken));
  }
  return tokens.get(handle);
}

/** One call of the user pools API: `{status, data}`, data being the JSON answer (`__type` on errors). */
export async function cognito(operation, body) {
  const res = await fetch(`${config.cognitoEndpoint}/`, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-amz-json-1.1",
      "X-Amz-Target": `AWSCognitoIdentityProviderService.${operation}`,
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, data: await res.json() };
}

/** Signs in with USER_PASSWORD_AUTH; the AuthenticationResult (access, ID and refresh tokens). */
export async function signIn(email, password) {
  requireSignInSettings();
  const { status, data } = await cognito("InitiateAuth", {
    AuthFlow: "USER_PASSWORD_AUTH",
    ClientId: config.cognitoClientId,
    AuthParameters: { USERNAME: email, PASSWORD: password },
  });
  if (status !== 200 || !data?.AuthenticationResult?.AccessToken) {
    throw new Error(`signing in ${email} at ${config.cognitoEndpoint} failed: ${status} ${JSON.stringify(data)}`);
  }
  return data.AuthenticationResult;
}

/**
 * The codes the local Cognito has sent to `address` for `purpose` (`confirm-sign-up`, `reset-password`), oldest
 * first, from its file of codes (one line each: `<address> <purpose> <code>`).
 */
export function sentCodes(address, purpose) {
  const file = config.cognitoCodesFile;
  if (!existsSync(file)) {
    throw new Error(`no file of Cognito codes at ${file}: start bin/dev (it writes it), or set COGNITO_CODES_FILE`);
  }
  return readFileSync(file, "utf8").split("\n").map((line) => line.split(" "))
    .filter(([to, what]) => to === address && what === purpose).map(([, , code]) => code);
}
