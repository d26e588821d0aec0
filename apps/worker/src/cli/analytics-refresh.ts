import { createWorkerContext, runCommand } from '../context.js';

/** `npm run analytics:refresh`: recomputes the supply snapshot behind supplyGaps and localisation now. */
runCommand(async () => {
  const context = await createWorkerContext('hp-analytics-refresh');
  try {
    const report = await context.snapshots.refresh();
    if (!report) {
      process.stdout.write('Another process is refreshing the supply snapshot right now; its result will be there shortly.\n');
      return 0;
    }
    process.stdout.write(
      `Supply snapshot for ${report.day}: ${report.openNeeds} open needs against ${report.verifiedSuppliers} verified suppliers in ${report.durationMs} ms.\n`,
    );
    return 0;
  } finally {
    await context.close();
  }
});
