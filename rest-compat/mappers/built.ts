import type { RouteRow } from '../route.types.js';

/** What a built row adds to its documented line: the operation and how request and answer map. */
export type Built<D, V> = Pick<
  RouteRow<D, V>,
  'operation' | 'params' | 'query' | 'body' | 'variables' | 'response' | 'effects' | 'status' | 'errorStatus' | 'sse' | 'multipart'
>;

/** Types a row's mapping against its operation's generated data and variables, then erases them for the table. */
export const built = <D, V>(row: Built<D, V>) => row as Built<any, any>;
