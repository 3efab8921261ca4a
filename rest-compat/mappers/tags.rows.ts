import { z } from 'zod';
import {
  CreateTagDocument,
  DeleteTagDocument,
  TagConversationsDocument,
  UpdateTagDocument,
  UserTagsDocument,
  type TagFieldsFragment,
} from '../../schema/generated/operations.js';
import { uuidParams } from '../validation.js';
import { built } from './built.js';
import { conversationBody } from './chat.rows.js';

/** BrainDrive's TagResponse. */
export const tagBody = (t: TagFieldsFragment) => ({ id: t.id, name: t.name, color: t.color, user_id: t.userId, created_at: t.createdAt });

const tagId = uuidParams('tag_id');
const color = z.string().regex(/^#[0-9A-Fa-f]{6}$/);

export const tagRows = {
  listForUser: built({
    operation: UserTagsDocument,
    params: z.object({ user_id: z.string() }),
    variables: (r) => ({ userId: r.params.user_id }),
    response: (d) => d.userTags.map(tagBody),
  }),
  create: built({
    operation: CreateTagDocument,
    body: z.object({ name: z.string().min(1).max(100), color: color.nullish(), user_id: z.string().optional() }),
    variables: ({ body: b }) => ({ input: { name: b.name, color: b.color, userId: b.user_id } }),
    response: (d) => tagBody(d.createTag),
  }),
  update: built({
    operation: UpdateTagDocument,
    params: tagId,
    body: z.object({ name: z.string().min(1).max(100).optional(), color: color.nullish(), user_id: z.string().optional() }),
    variables: ({ params, body: b }) => ({ id: params.tag_id, input: { name: b.name, color: b.color, userId: b.user_id } }),
    response: (d) => tagBody(d.updateTag),
  }),
  delete: built({ operation: DeleteTagDocument, params: tagId, variables: (r) => ({ id: r.params.tag_id }), status: 204 }),
  conversations: built({
    operation: TagConversationsDocument,
    params: tagId,
    variables: (r) => ({ tagId: r.params.tag_id }),
    response: (d) => d.tagConversations.map(conversationBody),
  }),
};
