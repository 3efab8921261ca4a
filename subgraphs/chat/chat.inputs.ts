import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { JSONResolver } from 'graphql-scalars';

@InputType()
export class CreateConversationInput {
  @Field(() => ID, { nullable: true, description: "Must be the caller's id when given (403 otherwise)." })
  userId?: string | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  pageContext?: string | null;

  @Field(() => ID, { nullable: true })
  pageId?: string | null;

  @Field(() => String, { nullable: true })
  model?: string | null;

  @Field(() => String, { nullable: true })
  server?: string | null;

  @Field(() => String, { nullable: true })
  conversationType?: string | null;

  @Field(() => ID, { nullable: true })
  personaId?: string | null;
}

@InputType()
export class UpdateConversationInput {
  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  pageContext?: string | null;

  @Field(() => String, { nullable: true })
  model?: string | null;

  @Field(() => String, { nullable: true })
  server?: string | null;

  @Field(() => String, { nullable: true })
  conversationType?: string | null;
}

@InputType()
export class CreateMessageInput {
  @Field(() => String, { description: 'user, llm (or assistant) or system' })
  sender: string;

  @Field(() => String)
  message: string;

  @Field(() => JSONResolver, { nullable: true })
  messageMetadata?: Record<string, unknown> | null;
}

@InputType()
export class PersonaInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  systemPrompt?: string | null;

  @Field(() => JSONResolver, { nullable: true })
  modelSettings?: Record<string, unknown> | null;

  @Field(() => String, { nullable: true })
  avatar?: string | null;

  @Field(() => [String], { nullable: true })
  tags?: string[] | null;

  @Field(() => String, { nullable: true })
  sampleGreeting?: string | null;

  @Field(() => Boolean, { nullable: true })
  isActive?: boolean | null;
}

@ArgsType()
export class PersonasArgs {
  @Field(() => Int, { defaultValue: 1 })
  page: number;

  @Field(() => Int, { defaultValue: 20 })
  pageSize: number;

  @Field(() => String, { nullable: true, description: 'Name or description contains.' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Personas carrying this tag.' })
  tag?: string | null;

  @Field(() => Boolean, { nullable: true })
  isActive?: boolean | null;
}

@InputType()
export class TagInput {
  @Field(() => ID, { nullable: true, description: "Must be the caller's id when given (403 otherwise)." })
  userId?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true, description: '#RRGGBB' })
  color?: string | null;
}

@InputType()
export class ChatMessageInput {
  @Field(() => String, { description: 'system, user or assistant' })
  role: string;

  @Field(() => String)
  content: string;
}

@InputType({ description: 'A chat turn: the conversation so far (or only the new user message) and where to send it.' })
export class ChatInput {
  @Field(() => String, { nullable: true, description: 'ollama, openai, openrouter, groq, x-ai, mistral, claude/anthropic; default from configuration' })
  provider?: string | null;

  @Field(() => String, { nullable: true, description: 'A settings definition id (e.g. ollama_servers_settings) or instance id.' })
  settingsId?: string | null;

  @Field(() => String, { nullable: true })
  serverId?: string | null;

  @Field(() => String, { nullable: true })
  model?: string | null;

  @Field(() => [ChatMessageInput])
  messages: ChatMessageInput[];

  @Field(() => ID, { nullable: true })
  conversationId?: string | null;

  @Field(() => ID, { nullable: true })
  personaId?: string | null;

  @Field(() => JSONResolver, { nullable: true, description: 'Sampling parameters: temperature, max_tokens, top_p.' })
  params?: Record<string, unknown> | null;

  @Field(() => ID, { nullable: true, description: 'When given, must be the caller.' })
  userId?: string | null;
}
