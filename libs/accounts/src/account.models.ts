import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { EmailAddress, Language, Text } from '#libs/core';

export enum PlatformRoleEnum {
  ADMIN = 'ADMIN',
  STAFF = 'STAFF',
  ANALYST = 'ANALYST',
  MEMBER = 'MEMBER',
}
registerEnumType(PlatformRoleEnum, {
  name: 'PlatformRole',
  description:
    "ADMIN: the support centre's administrators. STAFF: the centre's field staff (assisted onboarding). ANALYST: read-only aggregate access. MEMBER: staff of a supplier or buyer.",
  valuesMap: {
    ADMIN: { description: "The support centre's staff: verifies companies, imports the registry, sees everything." },
    STAFF: {
      description:
        "The centre's field staff: create and edit supplier profiles on an SME's behalf, record its consent, issue claim codes, read audit logs. Cannot verify companies, import the registry or see analytics.",
    },
    ANALYST: { description: 'Reads the analytics (aggregates, no contacts); otherwise as MEMBER.' },
    MEMBER: { description: 'Every other account: acts for the suppliers and buyers it is a member of.' },
  },
});

@ObjectType('CompanyMembership', { description: 'A company the user belongs to.' })
export class MembershipModel {
  @Field(() => ID, { description: "The supplier's or buyer's id." }) companyId: string;
  @Field({ description: '`SUPPLIER` or `BUYER`.' }) companyKind: string;
}

@ObjectType('User', { description: 'A user account (shown to the user themself and to administrators).' })
export class UserModel {
  @Field(() => ID, { description: 'Stable id.' }) id: string;
  @Field({ description: 'Sign-in email.' }) email: string;
  @Field({ description: 'Name shown to others.' }) displayName: string;
  @Field(() => PlatformRoleEnum, { description: 'Platform-wide role.' }) role: PlatformRoleEnum;
  @Field(() => Language, { description: 'Language for labels and explanations.' }) preferredLanguage: Language;
  @Field(() => [MembershipModel], { description: 'Companies the user is a member of.' }) memberships: MembershipModel[];
}

@ObjectType('AuthPayload', { description: 'Tokens issued by register, login and refreshTokens.' })
export class AuthPayloadModel {
  @Field({ description: 'Short-lived JWT; send as `Authorization: Bearer …`.' }) accessToken: string;
  @Field(() => String, {
    nullable: true,
    description:
      'Opaque, single-use token for `refreshTokens`; each use rotates it. Null when register/login was sent with `X-Refresh-Transport: cookie`: the token is then in the HttpOnly refresh cookie, for `POST /auth/refresh`.',
  })
  refreshToken: string | null;
  @Field({ description: 'Seconds until the access token expires.' }) expiresIn: number;
  @Field(() => UserModel, { description: 'The signed-in user.' }) user: UserModel;
}

@InputType({ description: 'A new account. Its company memberships come from creating or joining companies.' })
export class RegisterInput {
  @Field({ description: 'Email address (unique, case-insensitive).' })
  @EmailAddress()
  email: string;

  @Field({ description: 'At least 10 characters.' })
  @IsString()
  @MinLength(10, { message: 'must be at least 10 characters' })
  @MaxLength(200)
  password: string;

  @Field({ description: 'Name shown to others.' })
  @Text(120, { min: 1 })
  displayName: string;

  @Field(() => Language, { nullable: true, description: 'Language for labels and explanations (default vi).' })
  @IsOptional()
  @IsEnum(Language)
  preferredLanguage?: Language;
}

@ArgsType()
export class LoginArgs {
  // Any text an account could have been registered with (no format check: a wrong one just fails
  // to sign in), but no control characters or invalid Unicode: PostgreSQL refuses NUL in text.
  @Field({ description: 'Email address.' })
  @Text(254)
  email: string;

  @Field({ description: 'The account password (as set at register).' })
  @IsString()
  @MaxLength(200)
  password: string;
}

@ArgsType()
export class RefreshArgs {
  @Field({ description: 'The refresh token from the last register, login or refreshTokens.' })
  @IsString()
  @MaxLength(200)
  refreshToken: string;
}

@ArgsType()
export class UsersByEmailArgs {
  @Field({ description: 'Part of the email address (1–254 characters).' })
  @Text(254, { min: 1 })
  email: string;
}

@ArgsType()
export class SetUserRoleArgs {
  @Field(() => ID, { description: 'The user to change.' })
  @IsUUID('all', { message: 'must be a UUID' })
  userId: string;

  @Field(() => PlatformRoleEnum, { description: 'The new platform role.' })
  @IsEnum(PlatformRoleEnum)
  role: PlatformRoleEnum;
}
