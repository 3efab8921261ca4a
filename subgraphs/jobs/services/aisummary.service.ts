import { GenerateTextDocument } from '../../../schema/generated/operations.js';
import { UpstreamUnavailableError } from '../../common/errors.js';
import type { ServiceDefinition } from './service-definition.js';

/** Chat's generation operation (issue: chat owns it); this service never touches chat's code or tables. */

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
          const { generateText } = await deps.internal.request('chat', GenerateTextDocument, {
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
