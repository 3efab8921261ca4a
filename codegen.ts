import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types for every operation in schema/operations, from the public API schema (not the raw supergraph, whose
 * join__ types clients never see). rest-compat rows import the typed documents.
 */
const config: CodegenConfig = {
  schema: 'schema/api-schema.graphql',
  documents: 'schema/operations/**/*.graphql',
  generates: {
    'schema/generated/operations.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: true },
        scalars: { DateTimeISO: 'string', JSON: 'unknown' },
        strictScalars: true,
        dedupeFragments: true,
      },
    },
  },
  hooks: {},
};

export default config;
