export interface SseOptions {
  /** A POST body (JSON) instead of a GET. */
  body?: unknown;
  /** Sees the answer before its frames are read (status, headers). */
  onResponse?: (res: Response) => void;
}

/** Reads a Server-Sent Events answer frame by frame (JSON `data`), until the server closes it. */
export async function* readSse(
  url: string,
  headers: Record<string, string> = {},
  { body, onResponse }: SseOptions = {},
): AsyncGenerator<{ id?: string; event?: string; data: any }> {
  const res = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { accept: 'text/event-stream', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  onResponse?.(res);
  if (res.status !== 200) {
    yield { data: { httpStatus: res.status, body: await res.json().catch(() => null) } };
    return;
  }
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const lines = block.split('\n').filter((l) => !l.startsWith(':'));
      if (!lines.length) continue;
      const id = lines.find((l) => l.startsWith('id: '))?.slice(4);
      const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
      const data = lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
      if (!data) continue;
      yield { id, event, data: data === '[DONE]' ? data : JSON.parse(data) };
    }
  }
}
