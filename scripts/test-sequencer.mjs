// Jest's order for `npm test`: the longest suites first, so that the two workers finish together
// instead of one running a browser suite alone at the end.
import { readFileSync } from 'node:fs';
import Sequencer from '@jest/test-sequencer';

/** A browser suite (a whole API, its Meilisearch and Chromium per file) costs minutes where an API suite costs seconds. */
const BROWSER_SUITE = /\bstartWebStack\(/;

export default class LongestFirst extends Sequencer {
  /**
   * Jest's own order is this one when its cache knows every file's last duration (failed files
   * first, then the longest). On a fresh clone it knows none and falls back to file size, which put
   * 1 000-line API suites ahead of the browser suites; then a file's size stands in for its time,
   * weighted ten times for a browser suite.
   */
  sort(tests) {
    const weight = new Map(tests.map((test) => [test.path, this.time(test) ?? estimate(test.path)]));
    return [...tests].sort((a, b) => Number(this.hasFailed(b)) - Number(this.hasFailed(a)) || weight.get(b.path) - weight.get(a.path));
  }
}

/** Milliseconds, roughly: one per byte of an API suite (its size tracks its number of requests), ten per byte of a browser suite. */
function estimate(path) {
  const source = readFileSync(path, 'utf8');
  return source.length * (BROWSER_SUITE.test(source) ? 10 : 1);
}
