#!/usr/bin/env node
// `node scripts/run-parallel.mjs a b c`: runs the npm scripts a, b and c at once (`npm test` runs its
// checks this way: tsc, the type-aware ESLint and the build are each one process on one core, so two
// cores finish them in about the time of the longest). Each script's output is printed in one piece
// when it ends, with its time; the exit code is the first failure's, once all have ended.
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];
const results = await Promise.all(
  names.map(
    (name) =>
      new Promise((resolve) => {
        const started = Date.now();
        const child = spawn(npm[0], [...npm.slice(1), 'run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'] });
        const output = [];
        child.stdout.on('data', (chunk) => output.push(chunk));
        child.stderr.on('data', (chunk) => output.push(chunk));
        child.on('close', (code, signal) => {
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          const status = code === 0 ? 'ok' : `failed (${signal ?? `exit ${code}`})`;
          process.stdout.write(`\n> ${name}: ${status} in ${seconds} s\n${Buffer.concat(output).toString()}`);
          resolve(code ?? 1);
        });
      }),
  ),
);
process.exit(results.find((code) => code !== 0) ?? 0);
