import { Field, Int, ObjectType, type ClassType } from 'type-graphql';

/** A page of a list: the items plus what clients need to page (offset/limit + total, DESIGN §8). */
export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

/**
 * Declares `<Name>Page { items: [T!]!, total, offset, limit }` for a GraphQL type; each domain calls it once per
 * listed type, e.g. `@ObjectType() export class PagePage extends Paginated(Page) {}`.
 */
export function Paginated<T extends object>(itemType: ClassType<T>) {
  // Only the subclasses are reachable from resolvers, so only they reach the schema.
  @ObjectType()
  abstract class PaginatedClass implements Page<T> {
    @Field(() => [itemType])
    items: T[];

    @Field(() => Int, { description: 'All matching items, not only this page.' })
    total: number;

    @Field(() => Int)
    offset: number;

    @Field(() => Int)
    limit: number;
  }
  return PaginatedClass;
}
