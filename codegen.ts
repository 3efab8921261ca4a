import type { CodegenConfig } from '@graphql-codegen/cli';

const typescript = {
  plugins: ['typescript-operations', 'typed-document-node'],
  config: {
    useTypeImports: true,
    enumsAsTypes: true,
    avoidOptionals: { field: true, inputValue: false, object: true },
    scalars: { DateTimeISO: 'string', JSON: 'unknown' },
    strictScalars: true,
    dedupeFragments: true,
  },
};

/**
 * Typed documents for the operations in schema/:
 * - `operations/` against the public API schema (not the raw supergraph, whose join__ types clients never see);
 *   rest-compat rows import them.
 * - `internal/<owner>/` against the supergraph, where the owner's `@inaccessible` internal fields are: the calls one
 *   domain makes to another through `deps.internal` (DESIGN §2), typed from the schema like every other operation.
 */
const config: CodegenConfig = {
  generates: {
    'schema/generated/operations.ts': { schema: 'schema/api-schema.graphql', documents: 'schema/operations/**/*.graphql', ...typescript },
    'schema/generated/internal-operations.ts': {
      schema: 'schema/supergraph.graphql',
      documents: 'schema/internal/**/*.graphql',
      ...typescript,
      // The supergraph's own bookkeeping scalars appear only in directives, never in an operation.
      config: { ...typescript.config, scalars: { ...typescript.config.scalars, join__DirectiveArguments: 'unknown', join__FieldSet: 'string', link__Import: 'unknown' } },
    },
  },
  hooks: {},
};

export default config;
