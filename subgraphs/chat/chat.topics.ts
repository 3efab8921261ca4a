/** A cancel request for a conversation's running generation; whichever replica streams it aborts upstream. */
export interface ChatCancelPayload {
  conversationId: string;
  userId: string;
}

export const ChatTopic = {
  cancel: (conversationId: string) => `chat:cancel:${conversationId}`,
} as const;
