import { ConfigError } from '#libs/config';
import { logger } from '#libs/core';
import { LocalInfraError } from '#libs/local-infra';

/** Runs a command: prints one line for known failures, exits non-zero on any failure. */
export function runCommand(main: () => Promise<number | void>): void {
  main()
    .then((code) => process.exit(code ?? 0))
    .catch((error: unknown) => {
      if (error instanceof ConfigError || error instanceof LocalInfraError) process.stderr.write(`${error.message}\n`);
      else logger.emit('error', 'command failed', { error }, 'Command');
      process.exit(1);
    });
}

/** A progress line that rewrites itself on a terminal and prints every ~10% otherwise (on stdout unless told). */
export function progressPrinter(label: string, stream: NodeJS.WriteStream = process.stdout): (done: number, total: number) => void {
  const started = Date.now();
  let lastDecile = -1;
  return (done, total) => {
    const rate = Math.round(done / Math.max(0.001, (Date.now() - started) / 1000));
    const line = `${label}: ${done}/${total} (${total ? Math.floor((done / total) * 100) : 100}%, ${rate}/s)`;
    if (stream.isTTY) stream.write(`\r${line}${done >= total ? '\n' : ''}`);
    else {
      const decile = total ? Math.floor((done / total) * 10) : 10;
      if (decile !== lastDecile || done >= total) stream.write(`${line}\n`);
      lastDecile = decile;
    }
  };
}
