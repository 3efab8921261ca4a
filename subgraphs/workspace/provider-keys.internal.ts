import { parse, type DocumentNode } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

/** What the internal `providerCredentials` answers (the chat subgraph's view of it). */
export interface ProviderCredentialsData {
  providerCredentials: {
    provider: string;
    definitionId: string;
    instanceId: string | null;
    scope: string | null;
    apiKey: string | null;
    servers: { id: string | null; serverName: string | null; serverAddress: string | null; apiKey: string | null }[];
    server: { id: string | null; serverName: string | null; serverAddress: string | null; apiKey: string | null } | null;
  };
}

export interface ProviderCredentialsVars extends Record<string, unknown> {
  userId: string;
  provider: string;
  settingsId?: string | null;
  serverId?: string | null;
}

/**
 * The internal operation, for `ctx.deps.internal.request('workspace', PROVIDER_CREDENTIALS, vars)`. It is written here,
 * not in schema/operations, because codegen reads the public API schema, where the field is hidden.
 */
export const PROVIDER_CREDENTIALS = parse(`
  query ProviderCredentials($userId: ID!, $provider: String!, $settingsId: String, $serverId: String) {
    providerCredentials(userId: $userId, provider: $provider, settingsId: $settingsId, serverId: $serverId) {
      provider definitionId instanceId scope apiKey
      servers { id serverName serverAddress apiKey }
      server { id serverName serverAddress apiKey }
    }
  }
`) as DocumentNode as TypedDocumentNode<ProviderCredentialsData, ProviderCredentialsVars>;
