import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
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
});

@ObjectType('Introduction', { description: "A buyer's need put to one supplier." })
export class IntroductionModel {
  @Field(() => ID, { description: 'Id.' }) id: string;
  @Field(() => ID, { description: 'The need.' }) needId: string;
  @Field({ description: "The need's title." }) needTitle: string;
  @Field(() => ID, { description: 'The supplier.' }) supplierId: string;
  @Field({ description: "The supplier's name." }) supplierName: string;
  @Field(() => ID, { nullable: true, description: 'The buyer: null for an anonymous need until revealed to this supplier.' }) buyerId:
    string | null;
  @Field(() => String, { nullable: true, description: "The buyer's name, under the same rule." }) buyerName: string | null;
  @Field(() => IntroductionStatusEnum, { description: 'Status.' }) status: IntroductionStatusEnum;
  @Field(() => String, { nullable: true, description: "The buyer's message." }) message: string | null;
  @Field(() => DeclineReason, { nullable: true, description: 'Why the supplier declined.' }) declineReason: DeclineReason | null;
  @Field(() => String, { nullable: true, description: "The supplier's words on declining." }) declineText: string | null;
  @Field({ description: 'Whether the buyer revealed itself to this supplier (anonymous needs).' }) buyerRevealed: boolean;
  @Field(() => Date, { nullable: true, description: 'Invited at.' }) invitedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'Answered at.' }) respondedAt: Date | null;
  @Field({ description: 'Last change.' }) updatedAt: Date;
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
  @Field({ description: 'When.' }) at: Date;
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
  @Field(() => ID, { description: 'The introduction.' }) @IsUUID('all', { message: 'must be a UUID' }) introductionId: string;
  @Field({ description: 'Accept (true) or decline (false).' }) @IsBoolean() accept: boolean;
  @Field(() => DeclineReason, { nullable: true, description: 'Required when declining.' })
  @IsOptional()
  @IsEnum(DeclineReason)
  reason?: DeclineReason;
  @Field({ nullable: true, description: 'Optional words.' }) @IsOptional() @Text(2000, { multiline: true }) text?: string;
}

@ArgsType()
export class IntroductionIdArgs {
  @Field(() => ID, { description: 'The introduction.' }) @IsUUID('all', { message: 'must be a UUID' }) introductionId: string;
}

@ArgsType()
export class AwardArgs {
  @Field(() => ID, { description: 'The need.' }) @IsUUID('all', { message: 'must be a UUID' }) needId: string;
  @Field(() => ID, { description: 'The supplier that won it (must have accepted).' })
  @IsUUID('all', { message: 'must be a UUID' })
  supplierId: string;
  @Field(() => Int, { description: 'The need version you saw.' }) @IsInt() @Min(1) version: number;
}

@ArgsType()
export class NeedScopedArgs {
  @Field(() => ID, { description: 'The need.' }) @IsUUID('all', { message: 'must be a UUID' }) needId: string;
}

@ArgsType()
export class InboxArgs {
  @Field(() => Int, { defaultValue: 50, description: 'How many (1–200), newest first.' }) @IsInt() @Min(1) @Max(200) first: number = 50;
}
