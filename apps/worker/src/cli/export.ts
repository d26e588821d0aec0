import { parseArgs } from 'node:util';
import { exportRegistry, type HeaderStyle, formatOf } from '#libs/registry';
import { createWorkerContext, progressPrinter, runCommand } from '../context.js';

const USAGE = 'usage: npm run export -- FILE.(csv|xlsx|jsonl) [--headers key|vi|en]';

/**
 * `npm run export -- suppliers.xlsx`: the whole supplier registry in the import format (contacts
 * included: an administrators' tool), so that importing the file again changes nothing.
 */
runCommand(async () => {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { headers: { type: 'string', default: 'key' } } });
  const file = positionals[0];
  const headers = values.headers as HeaderStyle;
  if (!file || !formatOf(file) || !['key', 'vi', 'en'].includes(headers)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const context = await createWorkerContext('hp-export');
  try {
    const written = await exportRegistry(context.dataSource, file, {
      headers,
      onProgress: progressPrinter('exporting suppliers', process.stderr),
    });
    process.stdout.write(`Exported ${written} suppliers to ${file}.\n`);
  } finally {
    await context.close();
  }
});
