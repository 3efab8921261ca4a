import { aisummary } from './aisummary.service.js';
import type { ServiceDefinition } from './service-definition.js';
import { webscraper } from './webscraper.service.js';

/** BReact OS services, as code: a new one is a definition file and one line here. */
export const serviceRegistry: ReadonlyMap<string, ServiceDefinition> = new Map([webscraper, aisummary].map((s) => [s.id, s]));
