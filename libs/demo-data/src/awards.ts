import type { DeliveryValues } from '#libs/track-records';

/**
 * Demo needs already awarded, with the deliveries their buyers recorded (fixed days, so the demo reads
 * the same whenever it is loaded): the track records of issue 14. Supplier 0 (the demo supplier
 * account's company, rubber parts) published its scorecard: 7 deliveries to two buyers, 2 late, 43
 * defective of 63 000 (682.5 ppm); only Minato agreed to be named. Supplier 1 (CNC machining) did not
 * publish: 6 deliveries to Rhein, 3 late. Each buyer alone rests on fewer than 5 deliveries for
 * supplier 0, so its per-buyer rows say "not enough deliveries". The fourth award, not delivered yet,
 * went to another rubber shop after supplier 0 had accepted too: the demo supplier account's inbox
 * shows how an invitation ends when the need goes to someone else.
 */
export interface DemoAward {
  /** Index in the demo buyers and suppliers. */
  buyer: number;
  supplier: number;
  title: string;
  description: string;
  processes: string[];
  quantity: { value: number; unit: string };
  visibility: 'PUBLIC' | 'ANONYMOUS' | 'PRIVATE';
  published: boolean;
  buyerNamed: boolean;
  deliveries: DeliveryValues[];
  /** Suppliers (indexes) that also accepted the invitation before the need went to `supplier`. */
  alsoAccepted?: number[];
}

const delivery = (promisedOn: string, deliveredOn: string, quantity: number, defectiveQuantity = 0): DeliveryValues => ({
  promisedOn,
  deliveredOn,
  quantity,
  defectiveQuantity,
});

export const DEMO_AWARDS: DemoAward[] = [
  {
    buyer: 0,
    supplier: 0,
    title: 'Gioăng cao su chống bụi cho khung màn hình (đã trao)',
    description: 'Gioăng EPDM ép khuôn cho khung màn hình 27 inch, giao hai tuần một lần.',
    processes: ['RUBBER_MOULDING'],
    quantity: { value: 24000, unit: 'PCS' },
    visibility: 'PUBLIC',
    published: true,
    buyerNamed: false,
    deliveries: [
      delivery('2026-09-05', '2026-09-04', 12000),
      delivery('2026-09-19', '2026-09-19', 12000, 6),
      delivery('2026-10-03', '2026-10-06', 12000),
      delivery('2026-10-17', '2026-10-16', 12000, 12),
    ],
  },
  {
    buyer: 6,
    supplier: 0,
    title: 'Rubber grommets for tyre-plant conveyors (awarded)',
    description: 'Moulded NBR grommets for conveyor guards, 5 000 pieces a fortnight.',
    processes: ['RUBBER_MOULDING'],
    quantity: { value: 10000, unit: 'PCS' },
    visibility: 'PUBLIC',
    published: true,
    buyerNamed: true,
    deliveries: [
      delivery('2026-10-01', '2026-10-01', 5000),
      delivery('2026-10-15', '2026-10-15', 5000),
      delivery('2026-11-01', '2026-11-04', 5000, 25),
    ],
  },
  {
    buyer: 8,
    supplier: 1,
    title: 'CNC-milled sensor brackets, A6061 (awarded)',
    description: 'Milled aluminium sensor brackets, 800 pieces a fortnight.',
    processes: ['CNC_MILLING'],
    quantity: { value: 1600, unit: 'PCS' },
    visibility: 'PUBLIC',
    published: false,
    buyerNamed: false,
    deliveries: [
      delivery('2026-08-10', '2026-08-12', 800),
      delivery('2026-08-24', '2026-08-24', 800, 4),
      delivery('2026-09-07', '2026-09-10', 800),
      delivery('2026-09-21', '2026-09-21', 800),
      delivery('2026-10-05', '2026-10-05', 800, 2),
      delivery('2026-10-19', '2026-10-23', 800),
    ],
  },
  {
    buyer: 4,
    supplier: 3,
    title: 'Chân đế cao su chống rung cho máy in (đã trao)',
    description: 'Chân đế EPDM ép khuôn cho máy in văn phòng, 6 000 chiếc mỗi tháng.',
    processes: ['RUBBER_MOULDING'],
    quantity: { value: 6000, unit: 'PCS' },
    visibility: 'PUBLIC',
    published: false,
    buyerNamed: false,
    deliveries: [],
    alsoAccepted: [0],
  },
];
