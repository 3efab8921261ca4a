import { parse } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { UpstreamUnavailableError } from '../../common/errors.js';
import type { ServiceDefinition } from './service-definition.js';

/** Chat's generation operation (issue: chat owns it); this service never touches chat's code or tables. */
const GENERATE = parse(
  'mutation GenerateText($provider: String, $model: String, $prompt: String!) { generateText(provider: $provider, model: $model, prompt: $prompt) { text } }',
) as unknown as TypedDocumentNode<{ generateText: { text: string } }, { provider?: string; model?: string; prompt: string }>;

export const aisummary: ServiceDefinition = {
  id: 'aisummary',
  name: 'AI Summary',
  description: "Summarises a text with the platform's default AI model.",
  version: '1.0.0',
  config: {},
  endpoints: {
    summarize: {
      description: 'Summarise a text',
      method: 'POST',
      parameters: { text: { type: 'string', description: 'The text to summarise', required: true } },
      returns: '{summary, model}',
      isAsync: true,
      cost: 5,
      async run(params, run, deps) {
        await run.progress(10, 'summarizing');
        const provider = deps.env.defaultAiProvider;
        const model = deps.env.defaultAiModel;
        try {
          const { generateText } = await deps.internal.request('chat', GENERATE, {
            provider,
            model,
            prompt: `Summarise the following text in a few sentences.\n\n${String(params.text)}`,
          });
          return { summary: generateText.text, model: model ?? null };
        } catch (e) {
          if (e instanceof UpstreamUnavailableError || (e as { extensions?: { code?: string } }).extensions?.code === 'UPSTREAM_UNAVAILABLE') {
            throw new Error('UPSTREAM_UNAVAILABLE: the AI generation service (chat) is not available');
          }
          throw e;
        }
      },
    },
  },
};
