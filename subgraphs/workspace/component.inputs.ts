import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';

@ArgsType()
export class ComponentsArgs {
  @Field(() => Int, { nullable: true, description: '@default 0' })
  offset?: number | null;

  @Field(() => Int, { nullable: true, description: 'At most 1000. @default 1000' })
  limit?: number | null;

  @Field(() => Boolean, { nullable: true })
  isSystem?: boolean | null;
}

@InputType()
export class CreateComponentInput {
  @Field(() => String, { description: 'Unique; letters, digits and . _ : - (1–100).' })
  componentId: string;

  @Field(() => String, { description: '1–100 characters.' })
  name: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  icon?: string | null;

  @Field(() => Boolean, { nullable: true, description: '@default false' })
  isSystem?: boolean | null;

  @Field(() => ID, { nullable: true, description: "BrainDrive sends the creator's id; only the caller's own is accepted." })
  userId?: string | null;
}

@InputType()
export class UpdateComponentInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  icon?: string | null;
}
