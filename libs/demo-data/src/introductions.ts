import { DeclineReason, type SeededIntroduction } from '#libs/introductions';

/**
 * Invitations on open demo needs, so that each side has something to act on at first start: the demo
 * supplier account's company (supplier 0, rubber parts) finds an invitation to a private need waiting
 * in its inbox, and the stamping need of buyer 4 shows one supplier that accepted (the buyer may
 * award it) and one that declined for capacity (a reason in the analysts' funnel). Suppliers by index
 * in the demo suppliers; each offers the need's process and is verified (a test checks both).
 */
export interface DemoIntroduction {
  /** The open demo need's title (DEMO_NEEDS). */
  need: string;
  supplier: number;
  message: string;
  answer?: SeededIntroduction['answer'];
}

/** The stamping need's buyer asks both shops the same. */
const STAMPING_ASK = 'Chúng tôi cần 20.000 giá đỡ mỗi tháng từ quý 1/2027. Xin gửi báo giá và lịch chạy khuôn thử.';

export const DEMO_INTRODUCTIONS: DemoIntroduction[] = [
  {
    need: 'Gioăng cao su EPDM cho dây chuyền lốp',
    supplier: 0,
    message: 'Your grommets for our conveyors have held up well. Could you quote these EPDM seals for the tyre line as well?',
  },
  {
    need: 'Giá đỡ thép SPCC dập liên hoàn cho khung máy in',
    supplier: 40,
    message: STAMPING_ASK,
    answer: { accept: true },
  },
  {
    need: 'Giá đỡ thép SPCC dập liên hoàn cho khung máy in',
    supplier: 91,
    message: STAMPING_ASK,
    answer: { accept: false, reason: DeclineReason.CAPACITY, text: 'Máy dập liên hoàn của chúng tôi kín lịch đến tháng 3/2027.' },
  },
];
