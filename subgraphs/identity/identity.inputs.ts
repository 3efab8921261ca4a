import { ArgsType, Field, ID, InputType } from 'type-graphql';
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
