// Bad input against a running backend (bin/dev, or CRUDDUR_API_URL): every operation of openapi.yaml called with
// mangled path parameters, query parameters, bodies and headers, with and without a token. Passes when no answer is
// 500 or more and every answer is JSON. Run with the rate limits off, or most requests only meet the limits:
//   CRUDDUR_RATE_LIMITS=false bin/dev           (another shell)
//   node frontend-contract/scripts/fuzz.js [requests=10000] [seed=1]
import assert from "node:assert/strict";
import { loadContract } from "../test/support/contract.js";
import { accessToken } from "../test/support/cognito.js";
import { config } from "../test/support/config.js";

const total = Number(process.argv[2] ?? 10_000);
let seed = Number(process.argv[3] ?? 1);
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (items) => items[Math.floor(random() * items.length)];
/** Percent-encoded; a lone surrogate becomes the bytes of one (invalid UTF-8, on purpose). */
const enc = (text) => {
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(text.replace(/[\ud800-\udfff]/g, "")) + "%ED%A0%80";
  }
};

const STRINGS = [
  "", " ", "%", "%25", "%zz", "a%2Fb", "../../internal/users", "x".repeat(129), "x".repeat(2_100), "x".repeat(5_000),
  "\u200b", "\u200b\u200d", "\u0000", "\u001b[31m", "\u0007", "\ufffe", "\uffff", "\ud800", "\udc00x", "😀".repeat(300),
  "andrewbrown", "bayko", "null", "[]", "{}", "@", "#", "?x=1", "'; DROP TABLE users; --", "<script>", "\r\nX-Injected: 1",
  "00000000-0000-0000-0000-000000000000", "0f8fad5b-d9cb-469f-a165-70867728950e", "0F8FAD5B-D9CB-469F-A165-70867728950E",
];
const VALUES = [...STRINGS, 0, -1, 1e308, 2 ** 63, true, false, null, [], {}, [1, 2], { a: { b: { c: [] } } }];
const RAW_BODIES = [
  "{", "[1,2]", "\"x\"", "42", "null", "{\"message\": \"hi\"} garbage", "{\"message\": \"hi\"}{}", "\u0000",
  "{\"message\": \"\\ud800\"}", "{\"message\": \"\\u0000\"}", "{\"handle\": \"%\", \"message\": \"hi\"}",
  "{\"message\": 1e999999}", "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":" .repeat(2_000) + "1" + "}".repeat(2_000),
  JSON.stringify({ message: "x".repeat(70_000) }),
];

function url(op) {
  let path = op.path.replace(/\{([^}]+)\}/g, () => {
    const value = String(pick(STRINGS));
    return random() < 0.5 ? enc(value) : enc(value).replace(/%(2[0-9A-F]|3[A-F]|40|5B|5D|7B|7D)/g, (c) => decodeURIComponent(c));
  });
  const params = [];
  for (const name of ["limit", "cursor", "term", "sub", pick(STRINGS).slice(0, 20)]) {
    if (random() < 0.4) {
      params.push(`${enc(name)}=${enc(String(pick(VALUES)))}`);
    }
  }
  return `${config.apiUrl}${path}${params.length ? `?${params.join("&")}` : ""}`;
}

function body(op) {
  if (random() < 0.4) {
    return pick(RAW_BODIES);
  }
  const fields = { message: pick(VALUES), ttl: pick(VALUES), handle: pick(VALUES), display_name: pick(VALUES),
    bio: pick(VALUES), message_group_uuid: pick(VALUES), activity_uuid: pick(VALUES) };
  for (const name of Object.keys(fields)) {
    if (random() < 0.3) {
      delete fields[name];
    }
  }
  return JSON.stringify(random() < 0.1 ? pick(VALUES) : fields);
}

function headers(token) {
  const h = {};
  const type = pick(["application/json", "application/json", "text/plain", "application/json; charset=latin1", "*/*", null]);
  if (type) {
    h["Content-Type"] = type;
  }
  if (token) {
    h.Authorization = pick([`Bearer ${token}`, `Bearer ${token}`, `Bearer ${token}x`, "Bearer ", `Basic ${token}`]);
  }
  if (random() < 0.2) {
    h.Origin = pick([config.frontendOrigin, "https://evil.example", "null"]);
  }
  if (random() < 0.05) {
    h["X-Padding"] = "x".repeat(pick([1_000, 21_000, 100_000]));
  }
  if (random() < 0.1) {
    h.Accept = pick(["text/html", "application/xml", "*/*"]);
  }
  if (random() < 0.1) {
    h["Idempotency-Key"] = String(pick(STRINGS)).replace(/[^\x21-\x7e]/g, "").slice(0, 300) || "k";
  }
  return h;
}

const contract = loadContract();
const token = await accessToken("andrewbrown");
const statuses = new Map();
const failures = [];
let sent = 0;
for (let i = 0; sent < total; i++) {
  const op = pick(contract.operations);
  const method = random() < 0.9 ? op.method.toUpperCase() : pick(["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"]);
  const target = url(op);
  const init = { method, headers: headers(i % 2 === 0 ? token : null) };
  if (!["GET", "HEAD"].includes(method) && random() < 0.9) {
    init.body = body(op);
  }
  let res;
  let text;
  try {
    res = await fetch(target, init);
    text = await res.text();
  } catch (error) {
    continue; // a request fetch itself refuses to send (an invalid header value): nothing reached the backend
  }
  sent++;
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  const json = (res.headers.get("content-type") ?? "").startsWith("application/json");
  let parsed = method === "HEAD" || (res.status === 200 && method === "OPTIONS");
  if (!parsed) {
    try {
      JSON.parse(text);
      parsed = json;
    } catch {
      parsed = false;
    }
  }
  if (res.status >= 500 || !parsed) {
    failures.push(`${method} ${target.slice(0, 200)} -> ${res.status} ${res.headers.get("content-type")} ${text.slice(0, 200)}`);
  }
}
console.log(`requests: ${sent}, statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
console.log(failures.slice(0, 30).join("\n"));
assert.equal(failures.length, 0, `${failures.length} answers were 500 or more, or not JSON`);
