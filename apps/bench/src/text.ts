import { Taxonomy, suggestNeedSpec } from '#libs/taxonomy';
import { percentile } from './support.js';

/**
 * `npm run bench:text`: suggestNeedSpec on 5 000 characters of need text in the four languages
 * (the longest text the API accepts), 1 000 runs after a warm-up; p50 / p95 / max in ms. Target: p95 ≤ 10 ms.
 */
const paragraphs = [
  'Cần dập liên hoàn giá đỡ SPCC 300.000 chiếc/tháng, dung sai ±0,05 mm, giao trong 3 tuần, cách KCN Đình Vũ dưới 25 km, có IATF 16949. ',
  'We need 30k pcs/month of machined SUS304 housings, tolerance +/-0.02mm, within 18 days, no more than 35 km from our plant. ISO 9001 required. ',
  '月産5万個、PA66-GF30 の射出成形部品。公差±0.05mm、納期2週間。',
  '월 10만 개 ADC12 다이캐스팅, 공차 ±0.1mm, 납기 3주, 반경 30km 이내. ',
];
const taxonomy = Taxonomy.load();
const text = paragraphs.join('').repeat(20).slice(0, 5000);
for (let i = 0; i < 100; i++) suggestNeedSpec(taxonomy, text, 'vi');
const times: number[] = [];
for (let i = 0; i < 1000; i++) {
  const t0 = performance.now();
  suggestNeedSpec(taxonomy, text, 'vi');
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const p95 = percentile(times, 95);
process.stdout.write(
  `suggestNeedSpec, ${text.length} characters, 1000 runs: p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, max ${times.at(-1)!.toFixed(2)} ms (target p95 <= 10 ms: ${p95 <= 10 ? 'met' : 'NOT met'})\n`,
);
