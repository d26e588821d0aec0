import { parseArgs } from 'node:util';
import { createWorkerContext, progressPrinter, runCommand } from '../context.js';
import { generateInto } from '#libs/demo-data';

/**
 * `npm run generate -- --suppliers 100000 --seed 7`: realistic synthetic suppliers (the demo's
 * generator at scale), deterministic for a seed, inserted in batches with their outbox entries, so
 * the worker indexes them like any write. Tax codes depend only on the position (prefix 04), so a
 * re-run adds only the suppliers not there yet, whatever the seed.
 */
runCommand(async () => {
  const { values } = parseArgs({
    options: {
      suppliers: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      batch: { type: 'string', default: '2000' },
    },
  });
  const count = Number(values.suppliers);
  const seed = Number(values.seed);
  const batch = Number(values.batch);
  if (!Number.isInteger(count) || count < 1 || count > 2000000) throw new Error('--suppliers must be a whole number from 1 to 2 000 000');
  const context = await createWorkerContext('hp-generate');
  try {
    const inserted = await generateInto(context.dataSource, context.taxonomy, count, seed, batch, progressPrinter('generating suppliers'));
    process.stdout.write(
      `Inserted ${inserted} of ${count} synthetic suppliers (seed ${seed}); the search worker indexes them from the outbox.\n`,
    );
  } finally {
    await context.close();
  }
});
