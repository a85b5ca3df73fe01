// Signs demo users in as the frontend's Amplify does against the local user pool: Cognito InitiateAuth with
// USER_PASSWORD_AUTH over HTTP. Tokens are cached per user for the run.
import { config, requireSignInSettings } from "./config.js";

const tokens = new Map();

export async function accessToken(handle) {
  if (!tokens.has(handle)) {
    tokens.set(handle, signIn(`${handle}@cruddur.test`));
  }
  return tokens.get(handle);
}

async function signIn(email) {
  requireSignInSettings();
  const res = await fetch(`${config.cognitoEndpoint}/`, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-amz-json-1.1",
      "X-Amz-Target": "AWSCognitoIdentityProviderService.InitiateAuth",
    },
    body: JSON.stringify({
      AuthFlow: "USER_PASSWORD_AUTH",
      ClientId: config.cognitoClientId,
      AuthParameters: { USERNAME: email, PASSWORD: config.demoPassword },
    }),
  });
  const body = await res.json();
  const token = body?.AuthenticationResult?.AccessToken;
  if (res.status !== 200 || !token) {
    throw new Error(`signing in ${email} at ${config.cognitoEndpoint} failed: ${res.status} ${JSON.stringify(body)}`);
  }
  return token;
}
