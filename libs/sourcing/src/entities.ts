import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

const numeric = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

export type NeedStatus = 'DRAFT' | 'OPEN' | 'CLOSED' | 'AWARDED';
export type NeedVisibility = 'PUBLIC' | 'ANONYMOUS' | 'PRIVATE';

@Entity({ name: 'sourcing_needs' })
export class SourcingNeedEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'buyer_id' }) buyerId: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'text', name: 'product_group', nullable: true }) productGroup: string | null;
  @Column({ type: 'text', array: true }) processes: string[];
  @Column({ type: 'text', array: true }) materials: string[];
  @Column({ type: 'text', array: true }) certifications: string[];
  @Column({ type: 'numeric', name: 'quantity_value', nullable: true, transformer: numeric }) quantityValue: number | null;
  @Column({ type: 'text', name: 'quantity_unit', nullable: true }) quantityUnit: string | null;
  @Column({ type: 'numeric', name: 'price_min', nullable: true, transformer: numeric }) priceMin: number | null;
  @Column({ type: 'numeric', name: 'price_max', nullable: true, transformer: numeric }) priceMax: number | null;
  @Column({ type: 'text', name: 'price_currency', nullable: true }) priceCurrency: string | null;
  @Column({ type: 'numeric', name: 'tolerance_mm', nullable: true, transformer: numeric }) toleranceMm: number | null;
  @Column({ type: 'integer', name: 'max_lead_time_days', nullable: true }) maxLeadTimeDays: number | null;
  @Column({ type: 'text', name: 'delivery_plant', nullable: true }) deliveryPlant: string | null;
  @Column({ type: 'double precision', name: 'delivery_latitude', nullable: true }) deliveryLatitude: number | null;
  @Column({ type: 'double precision', name: 'delivery_longitude', nullable: true }) deliveryLongitude: number | null;
  @Column({ type: 'numeric', name: 'max_distance_km', nullable: true, transformer: numeric }) maxDistanceKm: number | null;
  @Column({ type: 'date', name: 'needed_by', nullable: true }) neededBy: string | null;
  @Column({ type: 'text' }) status: NeedStatus;
  @Column({ type: 'text' }) visibility: NeedVisibility;
  @Column({ type: 'uuid', name: 'awarded_supplier_id', nullable: true }) awardedSupplierId: string | null;
  @Column({ type: 'uuid', name: 'created_by', nullable: true }) createdBy: string | null;
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'timestamptz', name: 'published_at', nullable: true }) publishedAt: Date | null;
  @Column({ type: 'timestamptz', name: 'closed_at', nullable: true }) closedAt: Date | null;
  @Column({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @Column({ type: 'timestamptz', name: 'updated_at' }) updatedAt: Date;
}

@Entity({ name: 'sourcing_events' })
export class SourcingEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'uuid', name: 'need_id' }) needId: string;
  @Column({ type: 'uuid', name: 'introduction_id', nullable: true }) introductionId: string | null;
  @Column({ type: 'uuid', name: 'actor_id', nullable: true }) actorId: string | null;
  @Column({ type: 'text' }) action: string;
  @Column({ type: 'jsonb' }) details: Record<string, unknown>;
  @Column({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
}

export const SOURCING_ENTITIES = [SourcingNeedEntity, SourcingEventEntity];
