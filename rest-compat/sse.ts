import type { ServerResponse } from 'node:http';
import type { ExecutionResult } from 'graphql';
import type { ExecuteArgs, OperationExecutor, RestRequest, SseFrame, SseSpec } from './route.types.js';

/** A comment line every so often keeps proxies from closing a quiet stream. */
const KEEPALIVE_MS = 15_000;

function write(res: ServerResponse, frame: SseFrame): void {
  let out = '';
  if (frame.id !== undefined) out += `id: ${frame.id}\n`;
  if (frame.event) out += `event: ${frame.event}\n`;
  out += `data: ${typeof frame.data === 'string' ? frame.data : JSON.stringify(frame.data)}\n\n`;
  res.write(out);
}

/**
 * Streams a row's subscription as Server-Sent Events: opening frames from the operation's data, then one step per
 * event, until a step is done, the subscription ends, or the client goes away (which ends the subscription too).
 */
export async function streamSse(
  res: ServerResponse,
  spec: SseSpec,
  data: unknown,
  req: RestRequest,
  executor: OperationExecutor,
  args: Omit<ExecuteArgs, 'document' | 'variables'>,
): Promise<void> {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  const opening = spec.open(data, req);
  opening.frames.forEach((f) => write(res, f));
  if (opening.done || !executor.subscribe) return void res.end();

  const result = await executor.subscribe({ ...args, document: spec.subscription, variables: spec.variables(data, req) });
  if (!(Symbol.asyncIterator in result)) {
    write(res, { data: { error: true, message: (result as ExecutionResult).errors?.[0]?.message ?? 'stream failed' } });
    return void res.end();
  }
  const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
  const stop = () => void result.return(undefined);
  res.once('close', stop);
  try {
    for await (const event of result) {
      if (event.errors?.length && !event.data) {
        write(res, { data: { error: true, message: event.errors[0].message } });
        break;
      }
      const step = spec.event(event.data, req);
      step.frames.forEach((f) => write(res, f));
      if (step.done) break;
    }
  } finally {
    clearInterval(keepalive);
    res.off('close', stop);
    await result.return(undefined);
    res.end();
  }
}
