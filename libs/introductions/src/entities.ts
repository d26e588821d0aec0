import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type IntroductionStatus = 'SHORTLISTED' | 'INVITED' | 'ACCEPTED' | 'DECLINED';

@Entity({ name: 'introductions' })
export class IntroductionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'need_id' }) needId: string;
  @Column({ type: 'uuid', name: 'supplier_id' }) supplierId: string;
  @Column({ type: 'text' }) status: IntroductionStatus;
  @Column({ type: 'text', nullable: true }) message: string | null;
  @Column({ type: 'boolean', name: 'buyer_revealed' }) buyerRevealed: boolean;
  @Column({ type: 'text', name: 'decline_reason', nullable: true }) declineReason: string | null;
  @Column({ type: 'text', name: 'decline_text', nullable: true }) declineText: string | null;
  @Column({ type: 'timestamptz', name: 'invited_at', nullable: true }) invitedAt: Date | null;
  @Column({ type: 'timestamptz', name: 'responded_at', nullable: true }) respondedAt: Date | null;
  @Column({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @Column({ type: 'timestamptz', name: 'updated_at' }) updatedAt: Date;
}

export const INTRODUCTION_ENTITIES = [IntroductionEntity];
