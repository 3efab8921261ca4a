import { Field, Float, ObjectType } from 'type-graphql';

@ObjectType()
export class DependencyHealth {
  @Field(() => String, { description: 'healthy or unhealthy' })
  status: string;

  @Field(() => Float, { nullable: true })
  latencyMs?: number | null;

  @Field(() => String, { nullable: true })
  error?: string | null;

  @Field(() => String, { nullable: true })
  provider?: string | null;
}

@ObjectType({ description: 'Whether braingraph and what it depends on answer.' })
export class Health {
  @Field(() => String, { description: 'Always `healthy` while the service answers; dependencies report their own.' })
  status: string;

  @Field(() => String)
  version: string;

  @Field(() => Float)
  uptimeSeconds: number;

  @Field(() => DependencyHealth)
  database: DependencyHealth;

  @Field(() => DependencyHealth, { description: "The platform's AI upstream (DEFAULT_AI_PROVIDER): healthy, unhealthy or not_configured." })
  aiUpstream: DependencyHealth;
}
