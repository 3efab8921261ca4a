import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';

@InputType()
export class RegisterInput {
  @Field(() => String)
  email: string;

  @Field(() => String, { description: '3–50 characters: letters, digits, _ . -' })
  username: string;

  @Field(() => String, { description: 'At least 8 characters.' })
  password: string;

  @Field(() => String, { nullable: true })
  fullName?: string | null;

  @Field(() => String, { nullable: true })
  profilePicture?: string | null;

  @Field(() => String, { nullable: true, description: "Names the user's own new tenant (StudioBrain's register)." })
  tenantName?: string | null;
}

@ArgsType()
export class LoginArgs {
  @Field(() => String)
  email: string;

  @Field(() => String)
  password: string;
}

@ArgsType()
export class UpdatePasswordArgs {
  @Field(() => String)
  currentPassword: string;

  @Field(() => String)
  newPassword: string;

  @Field(() => String, { nullable: true, description: 'Checked against newPassword when sent.' })
  confirmPassword?: string | null;
}

@ArgsType()
export class IssueApiKeyArgs {
  @Field(() => String, { nullable: true })
  label?: string | null;

  @Field(() => DateTimeISOResolver, { nullable: true })
  expiresAt?: Date | null;
}

@ArgsType()
export class UpdateApiKeyArgs {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  label?: string | null;

  @Field(() => DateTimeISOResolver, { nullable: true })
  expiresAt?: Date | null;
}

@ArgsType()
export class CreateInviteArgs {
  @Field(() => String)
  email: string;

  @Field(() => String, { nullable: true, description: 'owner, admin, member or viewer; no stronger than your own. Default member.' })
  role?: string | null;

  @Field(() => Int, { nullable: true, description: 'Days until it expires, 1–30. Default 7.' })
  expiresInDays?: number | null;
}

@ArgsType()
export class AcceptInviteArgs {
  @Field(() => String)
  token: string;

  @Field(() => String, { description: "The new account's password, or the existing account's when the email has one." })
  password: string;

  @Field(() => String, { nullable: true, description: 'For a new account (3–50 characters); ignored for an existing one.' })
  username?: string | null;

  @Field(() => String, { nullable: true })
  fullName?: string | null;
}

@InputType()
export class UpdateMemberInput {
  @Field(() => String, { nullable: true })
  fullName?: string | null;

  @Field(() => String, { nullable: true, description: "The user's role in the caller's active tenant." })
  role?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Platform admins only: switches the account off or on.' })
  isActive?: boolean | null;
}

@InputType()
export class CreateTeamInput {
  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Members of the tenant to put in the team.' })
  memberIds?: string[] | null;
}

@InputType()
export class CreatePermissionTemplateInput {
  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [String], { description: '`area` or `area:action` in lower case, e.g. `entities:write`, `assets:*`.' })
  permissions: string[];
}
