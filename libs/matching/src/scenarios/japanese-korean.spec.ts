import { describe, expect, it } from '@jest/globals';
import { explainRelaxation, scoreCandidate, type CandidateSpec, type ExplanationLang, type NeedSpec } from '../index.js';
import {
  bracketNeed,
  capableSupplier,
  distantSupplier,
  fiftyThousandPiecesNeed,
  iatfExpiredYesterday,
  iatfOnlyNeed,
  matchContext,
  needWith,
  smallWorkshop,
  supplierWith,
} from './fixtures.js';

/**
 * Scenario: the Japanese buyer of bracketNeed reads its matches in Japanese, a Korean colleague in
 * Korean. Every sentence is theirs (no English left over), and numbers and dates follow their locale.
 */
describe('explanations in Japanese and Korean', () => {
  const explain = (need: NeedSpec, candidate: CandidateSpec, lang: ExplanationLang) => {
    const match = scoreCandidate(need, candidate, matchContext({ lang, weights: { history: 0.05 } }));
    return { criteria: Object.fromEntries(match.criteria.map((c) => [c.key, c.explanation])), missing: match.missing };
  };
  const hiddenBuyerNeed = needWith({ buyerHidden: true, maxDistanceKm: 12 });
  const experiencedFarSupplier = supplierWith({
    location: distantSupplier.location,
    materials: ['ADC12'],
    decisions: { awarded: 2, accepted: 1, declined: { CAPACITY: 1 } },
  });

  it('explains every criterion of a full match in Japanese', () => {
    expect(explain(bracketNeed, capableSupplier, 'ja').criteria).toEqual({
      processes: 'CNCフライス加工：対応可',
      materials: 'AL6061 aluminiumの加工に対応', // the fixture has no Japanese label for AL6061: English, as the real taxonomy falls back
      certifications: 'IATF 16949：2027/03/14まで有効',
      capacity: '月産能力80,000個で、必要数50,000を満たします',
      leadTime: 'リードタイム14日（許容21日以内）',
      tolerance: '公差±0.01 mmに対応（要求：±0.02 mm）',
      distance: '納入工場から5 km',
      text: '検索の関連度 0.80',
      verification: '支援センターによる確認済み',
      languages: '共通の業務言語：英語',
      freshness: 'プロフィール更新日 2026/10/01（56日前）',
      history: '類似案件での判断実績はまだありません',
    });
  });

  it('explains every criterion of a full match in Korean', () => {
    expect(explain(bracketNeed, capableSupplier, 'ko').criteria).toEqual({
      processes: 'CNC 밀링: 가능',
      materials: 'AL6061 aluminium 가공 가능',
      certifications: 'IATF 16949 2027. 03. 14.까지 유효',
      capacity: '월 생산 능력 80,000개, 필요 수량 50,000 충족',
      leadTime: '리드타임 14일, 허용 21일 이내',
      tolerance: '공차 ±0.01 mm 가능, 요구 ±0.02 mm',
      distance: '납품 공장에서 5 km',
      text: '검색 관련도 0.80',
      verification: '지원센터 확인 완료',
      languages: '공통 업무 언어: 영어',
      freshness: '프로필 업데이트 2026. 10. 01., 56일 전',
      history: '유사 요청에 대한 결정 이력 없음',
    });
  });

  it('names unmet requirements, with the limits in the same words', () => {
    expect(explain(bracketNeed, distantSupplier, 'ja').missing).toEqual(['納入工場から50 km（上限30 kmを超過）']);
    expect(explain(bracketNeed, distantSupplier, 'ko').missing).toEqual(['납품 공장에서 50 km, 한도 30 km 초과']);
    expect(explain(fiftyThousandPiecesNeed, smallWorkshop, 'ja').missing).toEqual(['月産能力20,000個は、必要数50,000に届きません']);
    expect(explain(fiftyThousandPiecesNeed, smallWorkshop, 'ko').missing).toEqual(['월 생산 능력 20,000개, 필요 수량 50,000에 미달']);
    expect(explain(iatfOnlyNeed, iatfExpiredYesterday, 'ja').missing).toEqual(['IATF 16949：2026/11/25に期限切れ']);
    expect(explain(iatfOnlyNeed, iatfExpiredYesterday, 'ko').missing).toEqual(['IATF 16949 2026. 11. 25. 만료']);
  });

  it("tells a hidden buyer's distance band, a related material and the decision history", () => {
    expect(explain(hiddenBuyerNeed, experiencedFarSupplier, 'ja').criteria).toMatchObject({
      materials: 'ADC12 die-cast aluminiumの加工に対応（AL6061 aluminiumに近い材料）',
      distance: '納入地域から50–100 km（概算：発注者は非公開、上限12 kmを超過）',
      languages: '発注者は非公開のため、使用言語も表示されません',
      history: '類似案件4件：受注2件、承諾1件、辞退1件（生産能力不足）',
    });
    expect(explain(hiddenBuyerNeed, experiencedFarSupplier, 'ko').criteria).toMatchObject({
      materials: 'ADC12 die-cast aluminium 가공 가능 (AL6061 aluminium에 가까운 소재)',
      distance: '납품 지역에서 50–100 km (추정: 구매사 비공개), 한도 12 km 초과',
      languages: '구매사 비공개: 업무 언어도 표시하지 않음',
      history: '유사 요청 4건: 선정 2건, 수락 1건, 거절 1건 (생산 능력 부족)',
    });
  });

  it('writes a fractional distance and a large quantity in each locale, and says what was relaxed', () => {
    const near = supplierWith({ location: { lat: bracketNeed.delivery!.lat + 0.0111, lng: bracketNeed.delivery!.lng } }); // ≈ 1.2 km
    expect(explain(bracketNeed, near, 'ja').criteria.distance).toBe('納入工場から1.2 km');
    expect(explain(bracketNeed, near, 'vi').criteria.distance).toBe('cách nhà máy nhận hàng 1,2 km');
    const bigNeed = needWith({ quantityPerMonth: { value: 1_250_000, unit: 'KG' } });
    const bigPlant = supplierWith({ monthlyCapacity: { value: 1_500_000.5, unit: 'KG' } });
    expect(explain(bigNeed, bigPlant, 'ko').criteria.capacity).toBe('월 생산 능력 1,500,000.5 kg, 필요 수량 1,250,000 충족');
    expect(explain(bigNeed, bigPlant, 'vi').criteria.capacity).toBe('năng lực 1.500.000,5 kg/tháng đáp ứng 1.250.000 cần');
    expect(explainRelaxation(['maxDistance', 'processes'], 'ja')).toEqual([
      '距離の上限を外しました',
      '必要な工程をその上位の工程まで広げました',
    ]);
    expect(explainRelaxation(['certifications', 'leadTime'], 'ko')).toEqual(['요구 인증 조건을 제외함', '리드타임 한도를 제외함']);
  });

  it('leaves no English sentence in Japanese or Korean explanations', () => {
    for (const lang of ['ja', 'ko'] as const)
      for (const [need, candidate] of [
        [bracketNeed, capableSupplier],
        [hiddenBuyerNeed, experiencedFarSupplier],
        [fiftyThousandPiecesNeed, supplierWith({ monthlyCapacity: null, leadTimeDays: null, bestToleranceMm: null, textScore: null })],
      ] as const)
        for (const text of Object.values(explain(need, candidate, lang).criteria))
          expect(text.replace(/AL6061 aluminium|ADC12 die-cast aluminium|IATF 16949|CNC|km|mm|kg/g, '')).not.toMatch(/[a-z]{3,}/i);
  });
});
