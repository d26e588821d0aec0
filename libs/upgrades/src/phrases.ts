import { type ExplanationLang, type HardRequirement, localeFormat, phrasesFor } from '#libs/matching';
import type { Change, UpgradePath, Volume } from './upgrade-paths.js';

/** Labels of taxonomy codes in the explanation's language (the service adapts the real taxonomy). */
export type LabelOf = (kind: 'PROCESS' | 'CERTIFICATION', code: string) => string;

/** The sentences of upgrade-path explanations in one language. */
interface Phrases {
  certification: (label: string) => string;
  process: (label: string) => string;
  capacity: (amount: string) => string;
  leadTime: (days: number) => string;
  tolerance: (mm: string) => string;
  and: string;
  unlocks: (change: string, needs: number, volume: string) => string;
  together: (needs: number) => string;
  nearMisses: (needs: number, missing: string) => string;
  missing: Record<HardRequirement['kind'], (label: string) => string>;
  perMonth: (volumes: string) => string;
  listSeparator: string;
}

/** A number as a reader of `lang` writes it (the matching engine's own locale rules). */
const number = (value: number, lang: ExplanationLang) => localeFormat(lang).number(value);
/** A quantity with its unit named as the matching engine (and the web app) names it: `1,300 pcs`, `1.300 chiếc`, `1,300個`. */
const quantity = (value: number, unit: string, lang: ExplanationLang) => phrasesFor(lang).quantity(value, unit);

const PHRASES: Record<ExplanationLang, Phrases> = {
  vi: {
    certification: (label) => `Đạt chứng nhận ${label}`,
    process: (label) => `Bổ sung quy trình ${label}`,
    capacity: (amount) => `Nâng công suất lên ${amount}/tháng`,
    leadTime: (days) => `Rút thời gian giao hàng xuống ${days} ngày`,
    tolerance: (value) => `Đạt dung sai ${value}`,
    and: ' và ',
    unlocks: (change, needs, volume) => `${change}: đủ điều kiện cho thêm ${needs} nhu cầu đang mở${volume}.`,
    together: (needs) => ` ${needs} nhu cầu trong số đó chỉ mở ra khi có cả hai thay đổi.`,
    nearMisses: (needs, missing) => ` ${needs} nhu cầu khác vẫn còn thiếu: ${missing}.`,
    missing: {
      PROCESS: (label) => `quy trình ${label}`,
      CERTIFICATION: (label) => `chứng nhận ${label}`,
      CAPACITY: () => 'công suất',
      LEAD_TIME: () => 'thời gian giao hàng',
      TOLERANCE: () => 'dung sai',
      DISTANCE: () => 'khoảng cách',
    },
    perMonth: (volumes) => ` (tổng ${volumes} mỗi tháng)`,
    listSeparator: ', ',
  },
  en: {
    certification: (label) => `Get ${label} certified`,
    process: (label) => `Add the process ${label}`,
    capacity: (amount) => `Raise capacity to ${amount} a month`,
    leadTime: (days) => `Shorten lead time to ${days} days`,
    tolerance: (value) => `Hold a tolerance of ${value}`,
    and: ' and ',
    unlocks: (change, needs, volume) => `${change}: qualifies for ${needs} more open ${needs === 1 ? 'need' : 'needs'}${volume}.`,
    together: (needs) => ` ${needs} of them only with both changes.`,
    nearMisses: (needs, missing) => ` ${needs} other ${needs === 1 ? 'need' : 'needs'} would still miss: ${missing}.`,
    missing: {
      PROCESS: (label) => `the process ${label}`,
      CERTIFICATION: (label) => `${label} certification`,
      CAPACITY: () => 'capacity',
      LEAD_TIME: () => 'lead time',
      TOLERANCE: () => 'tolerance',
      DISTANCE: () => 'distance',
    },
    perMonth: (volumes) => ` (${volumes} a month in total)`,
    listSeparator: ', ',
  },
  ja: {
    certification: (label) => `${label} 認証を取得する`,
    process: (label) => `工程「${label}」を追加する`,
    capacity: (amount) => `月産能力を ${amount} に引き上げる`,
    leadTime: (days) => `リードタイムを ${days} 日に短縮する`,
    tolerance: (value) => `公差 ${value} を実現する`,
    and: '、かつ',
    unlocks: (change, needs, volume) => `${change}：さらに ${needs} 件の募集中の案件の条件を満たします${volume}。`,
    together: (needs) => `そのうち ${needs} 件は両方の変更で初めて満たせます。`,
    nearMisses: (needs, missing) => `他の ${needs} 件はなお不足：${missing}。`,
    missing: {
      PROCESS: (label) => `工程「${label}」`,
      CERTIFICATION: (label) => `${label} 認証`,
      CAPACITY: () => '生産能力',
      LEAD_TIME: () => 'リードタイム',
      TOLERANCE: () => '公差',
      DISTANCE: () => '距離',
    },
    perMonth: (volumes) => `（月合計 ${volumes}）`,
    listSeparator: '、',
  },
  ko: {
    certification: (label) => `${label} 인증 취득`,
    process: (label) => `공정 '${label}' 추가`,
    capacity: (amount) => `월 생산능력을 ${amount}까지 확대`,
    leadTime: (days) => `리드타임을 ${days}일로 단축`,
    tolerance: (value) => `공차 ${value} 달성`,
    and: ' 및 ',
    unlocks: (change, needs, volume) => `${change}: 진행 중인 수요 ${needs}건의 조건을 추가로 충족합니다${volume}.`,
    together: (needs) => ` 그중 ${needs}건은 두 변경을 모두 해야 충족됩니다.`,
    nearMisses: (needs, missing) => ` 다른 ${needs}건은 여전히 부족: ${missing}.`,
    missing: {
      PROCESS: (label) => `공정 '${label}'`,
      CERTIFICATION: (label) => `${label} 인증`,
      CAPACITY: () => '생산능력',
      LEAD_TIME: () => '리드타임',
      TOLERANCE: () => '공차',
      DISTANCE: () => '거리',
    },
    perMonth: (volumes) => ` (월 합계 ${volumes})`,
    listSeparator: ', ',
  },
};

export function phrasesOf(lang: ExplanationLang): Phrases {
  return PHRASES[lang];
}

const volumes = (list: Volume[], lang: ExplanationLang) => list.map((v) => quantity(v.total, v.unit, lang));

/** One change in words. */
export function describeChange(change: Change, lang: ExplanationLang, label: LabelOf): string {
  const say = PHRASES[lang];
  switch (change.kind) {
    case 'CERTIFICATION':
      return say.certification(label('CERTIFICATION', change.code!));
    case 'PROCESS':
      return say.process(label('PROCESS', change.code!));
    case 'CAPACITY':
      return say.capacity(quantity(change.value!, change.unit!, lang));
    case 'LEAD_TIME':
      return say.leadTime(change.value!);
    case 'TOLERANCE':
      return say.tolerance(`${number(change.value!, lang)} mm`);
  }
}

/** A requirement the near misses still miss, in words. */
export function describeRequirement(requirement: HardRequirement, lang: ExplanationLang, label: LabelOf): string {
  const kind = requirement.kind;
  const name = requirement.code && (kind === 'PROCESS' || kind === 'CERTIFICATION') ? label(kind, requirement.code) : '';
  return PHRASES[lang].missing[kind](name);
}

/** The whole path in one paragraph: the change(s), what they unlock, and what the near misses still miss. */
export function explainPath(path: UpgradePath, lang: ExplanationLang, label: LabelOf): string {
  const say = PHRASES[lang];
  const change = path.changes.map((c) => describeChange(c, lang, label)).join(say.and);
  const volume = path.volume.length ? say.perMonth(volumes(path.volume, lang).join(say.listSeparator)) : '';
  let text = say.unlocks(change, path.needIds.length, volume);
  if (path.changes.length > 1) text += say.together(path.onlyTogether);
  if (path.nearMisses > 0)
    text += say.nearMisses(
      path.nearMisses,
      path.stillMissing.map((m) => `${describeRequirement(m.requirement, lang, label)} (${m.needs})`).join(say.listSeparator),
    );
  return text;
}
