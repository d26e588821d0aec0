import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Buyers are verified like suppliers: anyone could register a buyer under a real assembler's name
 * and tax code and post needs SMEs would answer. A new buyer is UNVERIFIED and its needs reach no
 * supplier until the support centre (ADMIN) verifies it.
 *
 * Buyers that exist when this runs become VERIFIED: they were registered and posting under the old
 * rule, suppliers may be answering their invitations, and hiding their open needs overnight would
 * break work in progress without a word to anyone. The support centre reviews them afterwards and
 * un-verifies or suspends any it doubts (`setBuyerVerificationStatus`).
 */
export class BuyerVerification1764500000000 implements MigrationInterface {
  name = 'BuyerVerification1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE buyers ADD COLUMN verification_status text NOT NULL DEFAULT 'VERIFIED' CHECK (verification_status IN ('UNVERIFIED', 'VERIFIED', 'SUSPENDED'))`,
    );
    // the default above filled the existing rows; new rows start unverified
    await q.query(`ALTER TABLE buyers ALTER COLUMN verification_status SET DEFAULT 'UNVERIFIED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE buyers DROP COLUMN verification_status`);
  }
}
