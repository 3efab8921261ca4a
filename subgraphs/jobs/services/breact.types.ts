import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeISOResolver, JSONResolver } from 'graphql-scalars';

@ObjectType({ description: 'A started BReact OS service call: read its result with the access token.' })
export class ServiceExecution {
  @Field(() => ID)
  processId: string;

  @Field(() => String, { description: 'Shown once; needed to read the result.' })
  accessToken: string;
}

@ObjectType({ description: 'Where a service call stands: pending, completed (with result) or error.' })
export class ServiceResult {
  @Field(() => String)
  status: 'pending' | 'completed' | 'error';

  @Field(() => JSONResolver, { nullable: true })
  result: unknown;

  @Field(() => String, { nullable: true })
  error: string | null;

  @Field(() => String)
  service: string;

  @Field(() => String)
  endpoint: string;

  @Field(() => DateTimeISOResolver)
  createdAt: Date;
}
