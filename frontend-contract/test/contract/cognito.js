// The local Cognito as the React frontend's Amplify uses it, beyond the demo users' sign-in: a new user signs up and
// confirms with the code from the file the local stack documents, uses the API, asks for a new code, resets a
// forgotten password, and signs out (GlobalSignOut) so that the refresh token stops working; RevokeToken likewise.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { config } from "../support/config.js";
import { cognito, sentCodes, signIn } from "../support/cognito.js";
import { call, expectStatus } from "../support/frontend.js";
import { RUN } from "./world.js";

const PASSWORD = `Signup-${RUN}-1a`;

/** Signs up as the frontend's sign-up page does: the e-mail as username, its name and handle as attributes. */
async function signUp(handle) {
  const email = `${handle}@example.com`;
  const answer = await cognito("SignUp", {
    ClientId: config.cognitoClientId,
    Username: email,
    Password: PASSWORD,
    UserAttributes: [
      { Name: "email", Value: email },
      { Name: "name", Value: `New ${handle}` },
      { Name: "preferred_username", Value: handle },
    ],
  });
  assert.equal(answer.status, 200, JSON.stringify(answer.data));
  assert.equal(answer.data.UserConfirmed, false);
  assert.deepEqual(answer.data.CodeDeliveryDetails, { AttributeName: "email", DeliveryMedium: "EMAIL", Destination: email });
  return email;
}

/** The one code sent so far, read as soon as the call that sent it answered. */
function onlyCode(email, purpose) {
  const codes = sentCodes(email, purpose);
  assert.equal(codes.length, 1, `${purpose} codes for ${email}: ${codes}`);
  assert.match(codes[0], /^\d{6}$/);
  return codes[0];
}

async function refresh(refreshToken) {
  return cognito("InitiateAuth", {
    AuthFlow: "REFRESH_TOKEN_AUTH",
    ClientId: config.cognitoClientId,
    AuthParameters: { REFRESH_TOKEN: refreshToken },
  });
}

function expectCognitoError(answer, type, message) {
  assert.equal(answer.status, 400, JSON.stringify(answer.data));
  assert.equal(answer.data.__type, type);
  if (message) {
    assert.equal(answer.data.message, message);
  }
}

describe("the local Cognito, as the frontend's Amplify calls it", () => {
  const handle = `new${RUN}`;
  let email;

  test("SignUp, the code from the file of codes, ConfirmSignUp, InitiateAuth: the new user uses the API", async () => {
    email = await signUp(handle);
    const code = onlyCode(email, "confirm-sign-up");
    expectCognitoError(await cognito("InitiateAuth", { AuthFlow: "USER_PASSWORD_AUTH", ClientId: config.cognitoClientId,
      AuthParameters: { USERNAME: email, PASSWORD } }), "UserNotConfirmedException");

    const confirmed = await cognito("ConfirmSignUp", { ClientId: config.cognitoClientId, Username: email, ConfirmationCode: code });
    assert.deepEqual(confirmed, { status: 200, data: {} });
    const { AccessToken } = await signIn(email, PASSWORD);
    const profile = expectStatus(await call("getOwnProfile", { token: AccessToken }), 200);
    assert.equal(profile.handle, handle);
    assert.equal(profile.display_name, `New ${handle}`);
  });

  test("ResendConfirmationCode sends a new code, which replaces the first", async () => {
    const other = await signUp(`re${RUN}`);
    const first = onlyCode(other, "confirm-sign-up");
    const resent = await cognito("ResendConfirmationCode", { ClientId: config.cognitoClientId, Username: other });
    assert.equal(resent.status, 200, JSON.stringify(resent.data));
    assert.deepEqual(resent.data.CodeDeliveryDetails, { AttributeName: "email", DeliveryMedium: "EMAIL", Destination: other });
    const codes = sentCodes(other, "confirm-sign-up");
    assert.equal(codes.length, 2, `codes for ${other}: ${codes}`);
    const second = codes[1];

    if (second !== first) { // one chance in a million that the new code is the old one
      expectCognitoError(await cognito("ConfirmSignUp", { ClientId: config.cognitoClientId, Username: other,
        ConfirmationCode: first }), "CodeMismatchException");
    }
    assert.equal((await cognito("ConfirmSignUp", { ClientId: config.cognitoClientId, Username: other,
      ConfirmationCode: second })).status, 200);
    expectCognitoError(await cognito("ResendConfirmationCode", { ClientId: config.cognitoClientId, Username: other }),
      "InvalidParameterException", "User is already confirmed.");
    expectCognitoError(await cognito("ResendConfirmationCode", { ClientId: config.cognitoClientId,
      Username: `nobody${RUN}@example.com` }), "UserNotFoundException");
  });

  test("ForgotPassword, the reset code from the file, ConfirmForgotPassword: the new password signs in, the old not", async () => {
    const forgot = await cognito("ForgotPassword", { ClientId: config.cognitoClientId, Username: email });
    assert.equal(forgot.status, 200, JSON.stringify(forgot.data));
    assert.deepEqual(forgot.data.CodeDeliveryDetails, { AttributeName: "email", DeliveryMedium: "EMAIL", Destination: email });
    const code = onlyCode(email, "reset-password");
    const reset = await cognito("ConfirmForgotPassword", { ClientId: config.cognitoClientId, Username: email,
      ConfirmationCode: code, Password: `${PASSWORD}-new` });
    assert.deepEqual(reset, { status: 200, data: {} });
    expectCognitoError(await cognito("InitiateAuth", { AuthFlow: "USER_PASSWORD_AUTH", ClientId: config.cognitoClientId,
      AuthParameters: { USERNAME: email, PASSWORD } }), "NotAuthorizedException", "Incorrect username or password.");
    await signIn(email, `${PASSWORD}-new`);
  });

  test("GlobalSignOut: the refresh tokens stop working, the access tokens are refused by Cognito", async () => {
    const session = await signIn(email, `${PASSWORD}-new`);
    const other = await signIn(email, `${PASSWORD}-new`); // another device
    assert.equal((await refresh(session.RefreshToken)).status, 200, "the refresh token works before the sign-out");

    assert.deepEqual(await cognito("GlobalSignOut", { AccessToken: session.AccessToken }), { status: 200, data: {} });

    for (const { RefreshToken, AccessToken } of [session, other]) {
      expectCognitoError(await refresh(RefreshToken), "NotAuthorizedException", "Refresh Token has been revoked");
      expectCognitoError(await cognito("GetUser", { AccessToken }), "NotAuthorizedException", "Access Token has been revoked");
    }
    expectCognitoError(await cognito("GlobalSignOut", { AccessToken: session.AccessToken }), "NotAuthorizedException",
      "Access Token has been revoked");
    // signing in again works
    const again = await signIn(email, `${PASSWORD}-new`);
    assert.equal((await cognito("GetUser", { AccessToken: again.AccessToken })).status, 200);
  });

  test("RevokeToken: that refresh token and the access tokens issued with it stop working, others not", async () => {
    const revokedSession = await signIn(email, `${PASSWORD}-new`);
    const kept = await signIn(email, `${PASSWORD}-new`);
    const revoked = await cognito("RevokeToken", { ClientId: config.cognitoClientId, Token: revokedSession.RefreshToken });
    assert.deepEqual(revoked, { status: 200, data: {} });
    expectCognitoError(await refresh(revokedSession.RefreshToken), "NotAuthorizedException", "Refresh Token has been revoked");
    expectCognitoError(await cognito("GetUser", { AccessToken: revokedSession.AccessToken }), "NotAuthorizedException",
      "Access Token has been revoked");
    assert.equal((await refresh(kept.RefreshToken)).status, 200);
    assert.equal((await cognito("GetUser", { AccessToken: kept.AccessToken })).status, 200);
  });
});
