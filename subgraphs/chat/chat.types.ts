import { Field, ID, Int, ObjectType } from 'type-graphql';
import { JSONResolver } from 'graphql-scalars';
import { Message } from './message.entity.js';
import { Persona } from './persona.entity.js';

@ObjectType()
export class PersonaList {
  @Field(() => [Persona])
  personas: Persona[];

  @Field(() => Int)
  totalItems: number;

  @Field(() => Int)
  page: number;

  @Field(() => Int)
  pageSize: number;

  @Field(() => Int)
  totalPages: number;
}

@ObjectType({ description: 'One piece of a streamed answer; the last has `done` and the saved message.' })
export class ChatChunk {
  @Field(() => ID)
  conversationId: string;

  @Field(() => String)
  delta: string;

  @Field(() => Boolean)
  done: boolean;

  @Field(() => Message, { nullable: true })
  message?: Message | null;

  @Field(() => String, { nullable: true, description: 'Set when generation failed mid-stream.' })
  error?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'The answer was cut short by a cancel.' })
  cancelled?: boolean | null;
}

@ObjectType()
export class ChatReply {
  @Field(() => ID)
  conversationId: string;

  @Field(() => String)
  text: string;

  @Field(() => Message)
  message: Message;

  @Field(() => JSONResolver, { nullable: true })
  usage?: Record<string, unknown> | null;
}

@ObjectType()
export class ChatStarted {
  @Field(() => ID)
  conversationId: string;
}

@ObjectType()
export class GeneratedText {
  @Field(() => String)
  text: string;

  @Field(() => String)
  provider: string;

  @Field(() => String)
  model: string;

  @Field(() => JSONResolver, { nullable: true })
  usage?: Record<string, unknown> | null;
}

@ObjectType({ description: 'BrainDrive\'s chat call: the reply when not streaming; only the conversation when the stream follows.' })
export class ChatCompletion {
  @Field(() => ID)
  conversationId: string;

  @Field(() => ChatReply, { nullable: true })
  reply?: ChatReply | null;
}

@ObjectType()
export class AiProviderInfo {
  @Field(() => String)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => [String])
  aliases: string[];

  @Field(() => Boolean)
  needsApiKey: boolean;
}

@ObjectType()
export class ModelInfo {
  @Field(() => String)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  provider: string;
}

@ObjectType({ description: 'A provider server as the user configured it; its key never leaves workspace, only whether it has one.' })
export class ProviderServerInfo {
  @Field(() => String, { nullable: true })
  id: string | null;

  @Field(() => String, { nullable: true })
  serverName: string | null;

  @Field(() => String, { nullable: true })
  serverAddress: string | null;

  @Field(() => Boolean)
  hasKey: boolean;
}

@ObjectType()
export class ProviderValidation {
  @Field(() => Boolean)
  valid: boolean;

  @Field(() => String)
  message: string;

  @Field(() => [ModelInfo])
  models: ModelInfo[];
}

@ObjectType()
export class OllamaStatus {
  @Field(() => String)
  version: string;

  @Field(() => String)
  server: string;
}

@ObjectType({ description: 'A queued Ollama model install: follow it as the job `taskId`.' })
export class OllamaInstall {
  @Field(() => ID)
  taskId: string;

  @Field(() => Boolean, { description: 'An identical install was already pending or running; this is that one.' })
  deduped: boolean;
}
