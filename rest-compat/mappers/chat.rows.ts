import { z } from 'zod';
import {
  AddConversationTagDocument,
  ConversationDocument,
  ConversationMessagesDocument,
  ConversationsByPersonaDocument,
  ConversationWithMessagesDocument,
  ConversationWithPersonaDocument,
  CreateConversationDocument,
  CreateMessageDocument,
  DeleteConversationDocument,
  RemoveConversationTagDocument,
  SetConversationPersonaDocument,
  UpdateConversationDocument,
  UserConversationsDocument,
  type ConversationFieldsFragment,
  type MessageFieldsFragment,
} from '../../schema/generated/operations.js';
import { intParam, uuidParam, uuidParams } from '../validation.js';
import { built } from './built.js';
import { personaBody } from './personas.rows.js';
import { tagBody } from './tags.rows.js';

/** BrainDrive's ConversationResponse. */
export const conversationBody = (c: ConversationFieldsFragment) => ({
  id: c.id,
  title: c.title,
  user_id: c.userId,
  page_context: c.pageContext,
  page_id: c.pageId,
  model: c.model,
  server: c.server,
  conversation_type: c.conversationType,
  persona_id: c.personaId,
  created_at: c.createdAt,
  updated_at: c.updatedAt,
});

/** BrainDrive's MessageResponse (`sender` user|llm|system). */
export const messageBody = (m: MessageFieldsFragment) => ({
  id: m.id,
  conversation_id: m.conversationId,
  sender: m.sender,
  message: m.message,
  message_metadata: m.messageMetadata,
  created_at: m.createdAt,
});

const conversationId = uuidParams('conversation_id');
/** FastAPI's skip/limit pair, with the limits the real routes have. */
const skipLimit = (max: number, dflt: number) => z.object({ skip: intParam({ min: 0, default: 0 }), limit: intParam({ min: 1, max, default: dflt }) });
const text = (max: number) => z.string().max(max);

const createBody = z.object({
  user_id: z.string().optional(),
  title: text(500).nullish(),
  page_context: text(200).nullish(),
  page_id: uuidParam.nullish(),
  model: text(200).nullish(),
  server: text(200).nullish(),
  conversation_type: text(50).nullish(),
  persona_id: uuidParam.nullish(),
});

const updateBody = z.object({
  title: text(500).nullish(),
  page_context: text(200).nullish(),
  model: text(200).nullish(),
  server: text(200).nullish(),
  conversation_type: text(50).nullish(),
});

export const chatRows = {
  listForUser: built({
    operation: UserConversationsDocument,
    params: z.object({ user_id: z.string() }),
    query: skipLimit(1000, 100),
    variables: (r) => ({ userId: r.params.user_id, skip: r.query.skip, limit: r.query.limit }),
    response: (d) => d.userConversations.map(conversationBody),
  }),
  listByPersona: built({
    operation: ConversationsByPersonaDocument,
    params: uuidParams('persona_id'),
    query: skipLimit(1000, 100),
    variables: (r) => ({ personaId: r.params.persona_id, skip: r.query.skip, limit: r.query.limit }),
    response: (d) => d.conversationsByPersona.map(conversationBody),
  }),
  create: built({
    operation: CreateConversationDocument,
    body: createBody,
    variables: ({ body: b }) => ({
      input: {
        userId: b.user_id, title: b.title, pageContext: b.page_context, pageId: b.page_id, model: b.model, server: b.server,
        conversationType: b.conversation_type, personaId: b.persona_id,
      },
    }),
    response: (d) => conversationBody(d.createConversation),
  }),
  get: built({ operation: ConversationDocument, params: conversationId, variables: (r) => ({ id: r.params.conversation_id }), response: (d) => conversationBody(d.conversation) }),
  withMessages: built({
    operation: ConversationWithMessagesDocument,
    params: conversationId,
    variables: (r) => ({ id: r.params.conversation_id }),
    response: ({ conversation: c }) => ({ ...conversationBody(c), messages: c.messages.map(messageBody) }),
  }),
  withPersona: built({
    operation: ConversationWithPersonaDocument,
    params: conversationId,
    variables: (r) => ({ id: r.params.conversation_id }),
    response: ({ conversation: c }) => ({ ...conversationBody(c), persona: c.persona ? personaBody(c.persona) : null }),
  }),
  update: built({
    operation: UpdateConversationDocument,
    params: conversationId,
    body: updateBody,
    variables: ({ params, body: b }) => ({
      id: params.conversation_id,
      input: { title: b.title, pageContext: b.page_context, model: b.model, server: b.server, conversationType: b.conversation_type },
    }),
    response: (d) => conversationBody(d.updateConversation),
  }),
  setPersona: built({
    operation: SetConversationPersonaDocument,
    params: conversationId,
    // The real client sends `{persona_id}`; null clears it.
    body: z.object({ persona_id: uuidParam.nullable() }),
    variables: ({ params, body }) => ({ id: params.conversation_id, personaId: body.persona_id }),
    response: (d) => conversationBody(d.setConversationPersona),
  }),
  delete: built({ operation: DeleteConversationDocument, params: conversationId, variables: (r) => ({ id: r.params.conversation_id }), status: 204 }),
  messages: built({
    operation: ConversationMessagesDocument,
    params: conversationId,
    query: skipLimit(1000, 100),
    variables: (r) => ({ conversationId: r.params.conversation_id, skip: r.query.skip, limit: r.query.limit }),
    response: (d) => d.conversationMessages.map(messageBody),
  }),
  createMessage: built({
    operation: CreateMessageDocument,
    params: conversationId,
    body: z.object({
      sender: z.enum(['user', 'llm', 'assistant', 'system']),
      message: z.string().min(1).max(200_000),
      message_metadata: z.record(z.string(), z.unknown()).nullish(),
    }),
    variables: ({ params, body: b }) => ({ conversationId: params.conversation_id, input: { sender: b.sender, message: b.message, messageMetadata: b.message_metadata } }),
    response: (d) => messageBody(d.createMessage),
  }),
  addTag: built({
    operation: AddConversationTagDocument,
    params: conversationId,
    body: z.object({ tag_id: uuidParam }),
    variables: ({ params, body }) => ({ conversationId: params.conversation_id, tagId: body.tag_id }),
    response: ({ addConversationTag: c }) => ({ ...conversationBody(c), tags: c.tags.map(tagBody) }),
  }),
  removeTag: built({
    operation: RemoveConversationTagDocument,
    params: uuidParams('conversation_id', 'tag_id'),
    variables: ({ params }) => ({ conversationId: params.conversation_id, tagId: params.tag_id }),
    status: 204,
  }),
};
