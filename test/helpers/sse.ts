/** Reads a Server-Sent Events answer frame by frame (JSON `data`), until the server closes it. */
export async function* readSse(url: string, headers: Record<string, string> = {}): AsyncGenerator<{ id?: string; data: any }> {
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers } });
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
      const data = lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
      yield { id, data: data === '[DONE]' ? data : JSON.parse(data) };
    }
  }
}
