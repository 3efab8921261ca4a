/** Where a JSON text stops being JSON, and why, in the words of Python's `json` module. */
export interface JsonSyntaxError {
  /** Index of the offending character (FastAPI reports it as the second element of `loc`). */
  pos: number;
  error: string;
}

class Stop extends Error {
  constructor(
    readonly pos: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const WS = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;

/**
 * Finds the first syntax error in `text`, as FastAPI's `json_invalid` error reports it (V8's messages carry no
 * position for most errors). Runs only after `JSON.parse` has failed, so it is written for clarity, not speed.
 * @returns the error, or `undefined` when the text is valid JSON
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && WS.has(text[i])) i++;
  };
  const string = () => {
    const start = i++;
    for (;;) {
      if (i >= text.length) throw new Stop(start, 'Unterminated string starting at');
      const c = text[i];
      if (c === '"') return void i++;
      if (c < ' ') throw new Stop(i, 'Invalid control character at');
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new Stop(i + 1, 'Invalid \\uXXXX escape');
          i += 6;
          continue;
        }
        if (e === undefined || !ESCAPES.has(e)) throw new Stop(i, 'Invalid \\escape');
        i += 2;
        continue;
      }
      i++;
    }
  };
  const value = (): void => {
    const c = text[i];
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    for (const word of ['null', 'true', 'false']) {
      if (text.startsWith(word, i)) return void (i += word.length);
    }
    NUMBER.lastIndex = i;
    if (NUMBER.exec(text)) return void (i = NUMBER.lastIndex);
    throw new Stop(i, 'Expecting value');
  };
  const object = () => {
    i++;
    ws();
    if (text[i] === '}') return void i++;
    for (;;) {
      if (text[i] !== '"') throw new Stop(i, 'Expecting property name enclosed in double quotes');
      string();
      ws();
      if (text[i] !== ':') throw new Stop(i, "Expecting ':' delimiter");
      i++;
      ws();
      value();
      ws();
      if (text[i] === '}') return void i++;
      if (text[i] !== ',') throw new Stop(i, "Expecting ',' delimiter");
      i++;
      ws();
    }
  };
  const array = () => {
    i++;
    ws();
    if (text[i] === ']') return void i++;
    for (;;) {
      value();
      ws();
      if (text[i] === ']') return void i++;
      if (text[i] !== ',') throw new Stop(i, "Expecting ',' delimiter");
      i++;
      ws();
    }
  };
  try {
    ws();
    value();
    ws();
    if (i < text.length) throw new Stop(i, 'Extra data');
    return undefined;
  } catch (error) {
    if (error instanceof Stop) return { pos: error.pos, error: error.reason };
    throw error;
  }
}
