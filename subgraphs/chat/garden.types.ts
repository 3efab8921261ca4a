import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { JSONResolver } from 'graphql-scalars';

@InputType({ description: "Brain Garden's generation request (`POST /v1/generate`)." })
export class GardenGenerateInput {
  @Field(() => String)
  prompt: string;

  @Field(() => String, { nullable: true, description: '`provider/model`, e.g. openai/gpt-4o' })
  model?: string | null;

  @Field(() => String, { nullable: true, description: 'markdown (default) or json' })
  format?: string | null;

  @Field(() => Int, { nullable: true })
  speculation?: number | null;

  @Field(() => Int, { nullable: true })
  randomness?: number | null;

  @Field(() => Int, { nullable: true })
  ideas?: number | null;

  @Field(() => String, { nullable: true, description: 'Used for this request only: never stored or logged.' })
  byokApiKey?: string | null;

  @Field(() => String, { nullable: true })
  byokProvider?: string | null;

  @Field(() => Boolean, { nullable: true })
  includeRaw?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  rawComplete?: boolean | null;

  @Field(() => String, { nullable: true })
  secondPassModel?: string | null;

  @Field(() => Boolean, { nullable: true })
  deltaEnhance?: boolean | null;
}

@ObjectType()
export class GardenGeneration {
  @Field(() => String)
  text: string;

  @Field(() => String)
  model: string;

  @Field(() => JSONResolver)
  usage: Record<string, number>;

  @Field(() => JSONResolver)
  controls: Record<string, unknown>;

  @Field(() => JSONResolver)
  graph: Record<string, unknown>;

  @Field(() => JSONResolver)
  structure: Record<string, unknown>;

  @Field(() => JSONResolver, { nullable: true })
  rawOutput: Record<string, unknown> | null;

  @Field(() => JSONResolver)
  timingsMs: Record<string, number>;

  @Field(() => ID, { nullable: true })
  chatId: string | null;

  @Field(() => ID, { nullable: true })
  messageId: string | null;
}

@ObjectType()
export class GardenModel {
  @Field(() => String)
  id: string;

  @Field(() => String)
  provider: string;
}

@ObjectType()
export class GardenUsage {
  @Field(() => String)
  plan: string;

  @Field(() => JSONResolver)
  period: Record<string, string>;

  @Field(() => JSONResolver)
  counters: Record<string, number>;

  @Field(() => JSONResolver)
  limits: Record<string, number | null>;
}

@ObjectType({ description: 'A stored provider key, revealed to its owner.' })
export class GardenKey {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  provider: string;

  @Field(() => String)
  key: string;
}
