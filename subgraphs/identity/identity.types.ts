import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Paginated } from '../common/paginated.js';
import { ApiKey } from './api-key.entity.js';
import { Invite } from './invite.entity.js';
import { User } from './user.entity.js';

@ObjectType({ description: 'Tokens for a signed-in session; REST also sets them as HttpOnly cookies.' })
export class AuthPayload {
  @Field(() => String)
  accessToken: string;

  @Field(() => String)
  refreshToken: string;

  @Field(() => String)
  tokenType: string;

  @Field(() => Int, { description: 'Access token lifetime in seconds.' })
  expiresIn: number;

  @Field(() => Int, { description: 'Refresh token lifetime in seconds.' })
  refreshExpiresIn: number;

  @Field(() => DateTimeISOResolver)
  issuedAt: Date;

  @Field(() => ID)
  userId: string;

  @Field(() => ID)
  tenantId: string;

  @Field(() => String, { description: "The user's role in the tenant; `admin` for a platform administrator." })
  role: string;

  @Field(() => User)
  user: User;
}

@ObjectType({ description: 'Who the current credentials belong to.' })
export class Session {
  @Field(() => ID)
  userId: string;

  @Field(() => ID)
  tenantId: string;

  @Field(() => String)
  role: string;

  @Field(() => Boolean)
  isAdmin: boolean;

  @Field(() => String, { description: 'jwt or api_key' })
  via: string;

  @Field(() => ID, { nullable: true })
  apiKeyId?: string;

  @Field(() => User)
  user: User;
}

@ObjectType({ description: 'A newly issued API key: `key` is shown this once and never again.' })
export class IssuedApiKey {
  @Field(() => String)
  key: string;

  @Field(() => ApiKey)
  apiKey: ApiKey;
}

@ObjectType({ description: 'Internal: who an API key authenticates.' })
@Directive('@inaccessible')
export class ApiKeyPrincipal {
  @Field(() => ID)
  keyId: string;

  @Field(() => ID)
  userId: string;

  @Field(() => ID)
  tenantId: string;

  @Field(() => String)
  role: string;

  @Field(() => Boolean)
  isAdmin: boolean;
}

@ObjectType({ description: 'A newly created invitation: `token` is shown this once and never again.' })
export class IssuedInvite {
  @Field(() => String)
  token: string;

  @Field(() => Invite)
  invite: Invite;
}

@ObjectType({ description: 'What removing a user did: left one tenant, or (platform admin) the account was deactivated.' })
export class MemberRemoval {
  @Field(() => ID)
  userId: string;

  @Field(() => ID, { nullable: true, description: 'The tenant the user was removed from.' })
  tenantId: string | null;

  @Field(() => Boolean)
  deactivated: boolean;
}

@ObjectType()
export class UserPage extends Paginated(User) {}
