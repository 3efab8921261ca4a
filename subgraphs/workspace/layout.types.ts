import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeISOResolver, JSONResolver } from 'graphql-scalars';

@ObjectType({ description: "How StudioBrain lays out one entity type: the tenant's own layout, or the built-in one." })
export class EntityLayout {
  @Field(() => String, { description: 'One of the 16 entity types, e.g. `character`.' })
  entityType: string;

  @Field(() => JSONResolver)
  layout: Record<string, unknown>;

  @Field(() => Boolean, { description: "True when the tenant's own layout replaces the built-in one." })
  isCustom: boolean;

  @Field(() => ID, { nullable: true })
  tenantId: string | null;

  @Field(() => DateTimeISOResolver, { nullable: true })
  updatedAt: Date | null;

  @Field(() => ID, { nullable: true })
  updatedBy: string | null;
}
