// Seeds a running local backend for the benchmarks: signs in a demo user through the Cognito emulator (the way the
// frontend does) and posts cruds through the API. Reads its settings from .cruddur/local.env (written by bin/dev).
// Usage: node bench/seed.mjs <env file> <number of cruds>
import { readFileSync } from 'node:fs';

const [envFile, countArg] = process.argv.slice(2);
const env = Object.fromEntries(readFileSync(envFile, 'utf8').split('\n')
  .filter((line) => line.includes('=') && !line.startsWith('#'))
  .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
const count = Number(countArg ?? 100);

async function signIn(email) {
  const res = await fetch(env.COGNITO_ENDPOINT, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth',
    },
    body: JSON.stringify({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: env.COGNITO_CLIENT_ID,
      AuthParameters: { USERNAME: email, PASSWORD: env.CRUDDUR_DEMO_PASSWORD },
    }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return (await res.json()).AuthenticationResult.AccessToken;
}

const handles = ['andrewbrown', 'altbrown', 'bayko', 'londo'];
const tokens = await Promise.all(handles.map((h) => signIn(`${h}@cruddur.test`)));
for (let i = 0; i < count; i++) {
  const res = await fetch(`${env.CRUDDUR_API_URL}/api/activities`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tokens[i % tokens.length]}` },
    body: JSON.stringify({ message: `Benchmark crud ${i} #bench`, ttl: '7-days' }),
  });
  if (res.status !== 200) throw new Error(`create failed: ${res.status} ${await res.text()}`);
}
console.log(`seeded ${count} cruds`);
