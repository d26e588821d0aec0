import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { NeedStatusEnum } from '#libs/sourcing';
import { Text } from '#libs/core';

export enum IntroductionStatusEnum {
  SHORTLISTED = 'SHORTLISTED',
  INVITED = 'INVITED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}
registerEnumType(IntroductionStatusEnum, {
  name: 'IntroductionStatus',
  description: "SHORTLISTED (the buyer's private list) → INVITED → ACCEPTED or DECLINED.",
  valuesMap: {
    SHORTLISTED: { description: "On the buyer's private shortlist: the supplier is not told." },
    INVITED: { description: 'Invited with a message; waiting for the supplier to answer.' },
    ACCEPTED: { description: "The supplier accepted: both sides now see each other's contacts, and the need may be awarded to it." },
    DECLINED: { description: 'The supplier declined, with a DeclineReason.' },
  },
});

export enum DeclineReason {
  CAPACITY = 'CAPACITY',
  CERTIFICATION = 'CERTIFICATION',
  PRICE = 'PRICE',
  TIMING = 'TIMING',
  NOT_OUR_PROCESS = 'NOT_OUR_PROCESS',
  OTHER = 'OTHER',
}
registerEnumType(DeclineReason, {
  name: 'DeclineReason',
  description: "Why a supplier declined (kept for the support centre's analytics).",
  valuesMap: {
    CAPACITY: { description: 'No free capacity for the quantity asked.' },
    CERTIFICATION: { description: 'Lacks a certification the need requires.' },
    PRICE: { description: 'Cannot meet the target price.' },
    TIMING: { description: 'Cannot deliver by the date or lead time asked.' },
    NOT_OUR_PROCESS: { description: 'The need asks for a process the supplier does not do.' },
    OTHER: { description: "Another reason, in the supplier's words (declineText)." },
  },
});

@ObjectType('Introduction', { description: "A buyer's need put to one supplier." })
export class IntroductionModel {
  @Field(() => ID, { description: 'Stable id of the introduction: pass it to respondToInvitation or revealBuyer.' }) id: string;
  @Field(() => ID, { description: 'Id of the need the supplier is put to.' }) needId: string;
  @Field({ description: "The need's title." }) needTitle: string;
  @Field(() => ID, { description: 'Id of the supplier put to the need.' }) supplierId: string;
  @Field({ description: "The supplier's name." }) supplierName: string;
  @Field(() => ID, { nullable: true, description: 'The buyer: null for an anonymous need until revealed to this supplier.' }) buyerId:
    string | null;
  @Field(() => String, { nullable: true, description: "The buyer's name, under the same rule." }) buyerName: string | null;
  @Field(() => IntroductionStatusEnum, { description: 'Where it is: SHORTLISTED → INVITED → ACCEPTED or DECLINED.' })
  status: IntroductionStatusEnum;
  @Field(() => String, { nullable: true, description: "The buyer's message." }) message: string | null;
  @Field(() => DeclineReason, { nullable: true, description: 'Why the supplier declined.' }) declineReason: DeclineReason | null;
  @Field(() => String, { nullable: true, description: "The supplier's words on declining." }) declineText: string | null;
  @Field({ description: 'Whether the buyer revealed itself to this supplier (anonymous needs).' }) buyerRevealed: boolean;
  @Field(() => Date, { nullable: true, description: 'When the supplier was invited; null while only shortlisted.' }) invitedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'Answered at.' }) respondedAt: Date | null;
  @Field({ description: 'When it last changed (status, message or reveal).' }) updatedAt: Date;
  @Field(() => NeedStatusEnum, { description: "The need's status now: an invitation is answered only while the need is OPEN." })
  needStatus: NeedStatusEnum;
  @Field({ description: 'Whether the need was awarded to this supplier.' }) awarded: boolean;
}

@ObjectType('SourcingEvent', { description: 'One recorded state change: who did what, when.' })
export class SourcingEventModel {
  @Field({
    description: 'What happened (CREATED, PUBLISHED, SHORTLISTED, INVITED, ACCEPTED, DECLINED, BUYER_REVEALED, AWARDED, CLOSED, UPDATED).',
  })
  action: string;
  @Field(() => ID, { nullable: true, description: 'The user who did it.' }) actorId: string | null;
  @Field(() => ID, { nullable: true, description: 'The introduction concerned.' }) introductionId: string | null;
  @Field({ description: 'Details as JSON.' }) details: string;
  @Field({ description: 'When it happened.' }) at: Date;
}

@InputType({ description: 'Suppliers to put to a need.' })
export class InviteSuppliersInput {
  @Field(() => ID, { description: 'The need (OPEN).' }) @IsUUID('all', { message: 'must be a UUID' }) needId: string;
  @Field(() => [ID], { description: 'Suppliers (1–50).' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'each must be a UUID' })
  supplierIds: string[];
  @Field({ nullable: true, description: 'A message to the suppliers.' }) @IsOptional() @Text(2000, { multiline: true }) message?: string;
}

@InputType({ description: "A supplier's answer to an invitation." })
export class RespondToInvitationInput {
  @Field(() => ID, { description: 'The invitation to answer (an introduction of one of your suppliers).' })
  @IsUUID('all', { message: 'must be a UUID' })
  introductionId: string;
  @Field({ description: 'Accept (true) or decline (false).' }) @IsBoolean() accept: boolean;
  @Field(() => DeclineReason, { nullable: true, description: 'Required when declining.' })
  @IsOptional()
  @IsEnum(DeclineReason)
  reason?: DeclineReason;
  @Field({ nullable: true, description: 'Optional words.' }) @IsOptional() @Text(2000, { multiline: true }) text?: string;
}

@ArgsType()
export class IntroductionIdArgs {
  @Field(() => ID, { description: 'The invitation to reveal yourself in (an introduction of your ANONYMOUS need).' })
  @IsUUID('all', { message: 'must be a UUID' })
  introductionId: string;
}

@ArgsType()
export class AwardArgs {
  @Field(() => ID, { description: 'The need to award (OPEN, of one of your buyers).' })
  @IsUUID('all', { message: 'must be a UUID' })
  needId: string;
  @Field(() => ID, { description: 'The supplier that won it (must have accepted).' })
  @IsUUID('all', { message: 'must be a UUID' })
  supplierId: string;
  @Field(() => Int, { description: 'The need version you saw.' }) @IsInt() @Min(1) version: number;
}

@ArgsType()
export class NeedScopedArgs {
  @Field(() => ID, { description: "The need (one of your buyers' needs, or any need for ADMIN)." })
  @IsUUID('all', { message: 'must be a UUID' })
  needId: string;
}

/** The most introductions or history entries one need answers with: a need's lists grow with every invitation and change. */
export const NEED_LIST_MAX = 500;

@ArgsType()
export class NeedIntroductionsArgs extends NeedScopedArgs {
  @Field(() => Int, {
    defaultValue: 200,
    description: `How many introductions, first invited first (1–${NEED_LIST_MAX}): a need with more lists only its first ${NEED_LIST_MAX}.`,
  })
  @IsInt()
  @Min(1)
  @Max(NEED_LIST_MAX)
  first: number = 200;
}

@ArgsType()
export class NeedHistoryArgs extends NeedScopedArgs {
  @Field(() => Int, {
    defaultValue: 200,
    description: `How many of the latest changes (1–${NEED_LIST_MAX}); they come oldest first, so a longer history loses its start.`,
  })
  @IsInt()
  @Min(1)
  @Max(NEED_LIST_MAX)
  last: number = 200;
}

@ArgsType()
export class InboxArgs {
  @Field(() => Int, { defaultValue: 50, description: 'How many (1–200), newest first.' }) @IsInt() @Min(1) @Max(200) first: number = 50;
}
