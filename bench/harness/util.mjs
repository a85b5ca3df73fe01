// Small helpers shared by the harness's modules.
import { readFileSync } from 'node:fs';

/** KEY=value lines (the launcher's local.env), comments skipped. */
export function readEnvFile(file) {
  return Object.fromEntries(readFileSync(file, 'utf8').split('\n')
    .filter((line) => line.includes('=') && !line.startsWith('#'))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
