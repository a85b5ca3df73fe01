// openapi.yaml as the tests use it: its operations, and validators of request and response bodies (Ajv, with the
// OpenAPI 3.0 `nullable` keyword and the `uuid`, `date-time` and `uri` formats).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { parse } from "yaml";

export const PACKAGE_DIR = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
export const CONTRACT_PATH = join(PACKAGE_DIR, "openapi.yaml");
const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

export function loadContract(path = CONTRACT_PATH) {
  return new Contract(parse(readFileSync(path, "utf8")));
}

export class Contract {
  constructor(document) {
    this.document = document;
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.ajv);
    this.ajv.addSchema(document, "contract");
    this.operations = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of METHODS) {
        if (item[method]) {
          this.operations.push(new Operation(this, path, method, item[method], item.parameters ?? []));
        }
      }
    }
  }

  operation(operationId) {
    const found = this.operations.find((op) => op.id === operationId);
    if (!found) {
      throw new Error(`no operation ${operationId} in openapi.yaml`);
    }
    return found;
  }

  /** Follows a local `$ref` (`#/components/responses/X`) to the object it names. */
  resolve(object) {
    let current = object;
    while (current && current.$ref) {
      current = current.$ref.slice(2).split("/")
        .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
        .reduce((node, part) => node[part], this.document);
    }
    return current;
  }

  /** A validator for the schema at a JSON pointer of the document; the result lists the errors, empty when valid. */
  validator(pointer) {
    const validate = this.ajv.compile({ $ref: `contract#${pointer}` });
    return (value) => (validate(value) ? [] : validate.errors.map((e) => `${e.instancePath || "(body)"} ${e.message}`
      + (e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : "")));
  }
}

const escape = (part) => String(part).replace(/~/g, "~0").replace(/\//g, "~1");

export class Operation {
  constructor(contract, path, method, definition, pathParameters) {
    this.contract = contract;
    this.path = path;
    this.method = method;
    this.definition = definition;
    this.id = definition.operationId;
    this.parameters = [...pathParameters, ...(definition.parameters ?? [])].map((p) => contract.resolve(p));
    this.pointer = `/paths/${escape(path)}/${method}`;
    this.validators = new Map();
  }

  /** Requires a token: its security has no anonymous (`{}`) alternative. */
  get requiresToken() {
    const security = this.definition.security ?? this.contract.document.security ?? [];
    return security.length > 0 && security.every((requirement) => Object.keys(requirement).length > 0);
  }

  get requestBody() {
    return this.contract.resolve(this.definition.requestBody);
  }

  /** The request body's example (the first of `examples` when there are several). */
  get requestExample() {
    const media = this.requestBody?.content?.["application/json"];
    if (!media) {
      return undefined;
    }
    return media.example ?? Object.values(media.examples ?? {})[0]?.value;
  }

  get statuses() {
    return Object.keys(this.definition.responses);
  }

  hasParameter(name, location) {
    return this.parameters.some((p) => p.name === name && p.in === location);
  }

  /** Errors of a request body against the contract; empty when it conforms. */
  checkRequest(body) {
    if (!this.requestBody) {
      return body === undefined ? [] : ["the contract has no request body for this operation"];
    }
    if (body === undefined) {
      return this.requestBody.required ? ["the request body is required"] : [];
    }
    const pointer = this.definition.requestBody.$ref
      ? `${this.definition.requestBody.$ref.slice(1)}/content/application~1json/schema`
      : `${this.pointer}/requestBody/content/application~1json/schema`;
    return this.#validate(pointer, body);
  }

  /** Errors of a response against the contract: the status must be documented, and the body match its schema. */
  checkResponse(status, body) {
    const key = String(status);
    const declared = this.definition.responses[key] ?? this.definition.responses.default;
    if (!declared) {
      return [`status ${status} is not documented (documented: ${this.statuses.join(", ")})`];
    }
    const response = this.contract.resolve(declared);
    if (!response.content?.["application/json"]?.schema) {
      return [`status ${status} documents no JSON body`];
    }
    const base = declared.$ref ? declared.$ref.slice(1) : `${this.pointer}/responses/${escape(key)}`;
    return this.#validate(`${base}/content/application~1json/schema`, body);
  }

  #validate(pointer, value) {
    if (!this.validators.has(pointer)) {
      this.validators.set(pointer, this.contract.validator(pointer));
    }
    return this.validators.get(pointer)(value);
  }
}
