import { describe, expect, it } from '@jest/globals';
import { createI18n } from '../i18n/index.js';
import type { Lang } from '../i18n/languages.js';
import { showAuditValue, type AuditValueContext } from './audit-fields.js';

const TERMS: Record<string, string> = { STAMPING: 'Dập', IATF_16949: 'IATF 16949', TRANG_DUE: 'KCN Tràng Duệ' };

function context(lang: Lang): AuditValueContext {
  const i18n = createI18n(lang);
  return { t: i18n.t.bind(i18n) as unknown as AuditValueContext['t'], lang, term: (_kind, code) => TERMS[code] ?? code };
}

describe('audit log values in the reader’s language', () => {
  const vi = context('vi');

  it('writes numbers, capacities and tolerances as a Vietnamese reader does', () => {
    expect(showAuditValue('employees', '1200', vi)).toEqual({ kind: 'text', text: '1.200' });
    expect(showAuditValue('monthlyCapacity', '{"value":50000,"unit":"PCS"}', vi)).toEqual({ kind: 'text', text: '50.000 chiếc/tháng' });
    expect(showAuditValue('bestToleranceMm', '0.01', vi)).toEqual({ kind: 'text', text: '± 0,01 mm' });
    expect(showAuditValue('leadTimeDays', '14', vi)).toEqual({ kind: 'text', text: '14 ngày' });
  });

  it('names codes by their labels and writes lists as lists', () => {
    expect(showAuditValue('processes', '["STAMPING","WELDING"]', vi)).toEqual({ kind: 'list', items: ['Dập', 'WELDING'] });
    expect(showAuditValue('zone', 'TRANG_DUE', vi)).toEqual({ kind: 'text', text: 'KCN Tràng Duệ' });
    expect(showAuditValue('exportMarkets', '["JP","KR"]', vi)).toEqual({ kind: 'list', items: ['Nhật Bản', 'Hàn Quốc'] });
    expect(
      showAuditValue(
        'certifications',
        '[{"code":"IATF_16949","certificateNumber":"A-1","issuingBody":"TÜV","validUntil":"2027-03-31"}]',
        vi,
      ),
    ).toEqual({
      kind: 'list',
      items: ['IATF 16949 · Số A-1 · TÜV · Hiệu lực đến 31/03/2027'],
    });
  });

  it('says yes or no, and names the enum values', () => {
    expect(showAuditValue('onboarding.published', 'true', vi)).toEqual({ kind: 'text', text: 'Có' });
    expect(showAuditValue('exportExperience', 'false', context('ja'))).toEqual({ kind: 'text', text: 'いいえ' });
    expect(showAuditValue('onboarding.dataSource', 'VISIT', context('en'))).toEqual({
      kind: 'text',
      text: "A visit by the centre's staff",
    });
    expect(showAuditValue('verificationStatus', 'VERIFIED', vi)).toEqual({ kind: 'text', text: 'Đã được trung tâm hỗ trợ xác minh' });
  });

  it('shows nothing for an empty value and text as written', () => {
    expect(showAuditValue('website', null, vi)).toEqual({ kind: 'empty' });
    expect(showAuditValue('nameVi', 'Công ty TNHH "Cơ khí" [Hải Phòng]', vi)).toEqual({
      kind: 'text',
      text: 'Công ty TNHH "Cơ khí" [Hải Phòng]',
    });
  });
});
