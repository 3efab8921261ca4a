import mammoth from 'mammoth';
import { PDFParse } from 'pdf-parse';
import { readableText } from '../web/readable-text.js';

/** What we extract text from, by file extension, with the content types browsers send for them. */
export const SUPPORTED_TYPES: Record<string, { contentTypes: string[]; description: string }> = {
  txt: { contentTypes: ['text/plain'], description: 'Plain text' },
  md: { contentTypes: ['text/markdown', 'text/x-markdown'], description: 'Markdown' },
  html: { contentTypes: ['text/html'], description: 'HTML (readable text)' },
  htm: { contentTypes: ['text/html'], description: 'HTML (readable text)' },
  csv: { contentTypes: ['text/csv'], description: 'CSV' },
  json: { contentTypes: ['application/json'], description: 'JSON (pretty-printed)' },
  pdf: { contentTypes: ['application/pdf'], description: 'PDF (text layer)' },
  docx: { contentTypes: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'], description: 'Word document' },
};

const TYPE_OF_CONTENT = new Map(Object.entries(SUPPORTED_TYPES).flatMap(([ext, t]) => t.contentTypes.map((c) => [c, ext] as const)));

/** The file's type: its extension when we support it, else its content type's; null when neither is supported. */
export function fileTypeOf(filename: string, contentType: string | null): string | null {
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase();
  if (ext && ext in SUPPORTED_TYPES) return ext;
  return (contentType && TYPE_OF_CONTENT.get(contentType.split(';')[0].trim().toLowerCase())) ?? null;
}

/** Thrown for a file that claims a type but is not one (a corrupt PDF, invalid JSON). */
export class UnreadableDocumentError extends Error {}

/** Extracts the text of a document with well-kept libraries: pdf-parse for PDF, mammoth for DOCX, Readability for HTML. */
export async function extractText(fileType: string, bytes: Buffer): Promise<string> {
  switch (fileType) {
    case 'pdf': {
      const parser = new PDFParse({ data: new Uint8Array(bytes) });
      try {
        return (await parser.getText()).text.trim();
      } catch (e) {
        throw new UnreadableDocumentError(`Not a readable PDF: ${(e as Error).message}`);
      } finally {
        await parser.destroy();
      }
    }
    case 'docx':
      try {
        return (await mammoth.extractRawText({ buffer: bytes })).value.trim();
      } catch (e) {
        throw new UnreadableDocumentError(`Not a readable Word document: ${(e as Error).message}`);
      }
    case 'html':
    case 'htm':
      return readableText(bytes.toString('utf8')).text;
    case 'json':
      try {
        return JSON.stringify(JSON.parse(bytes.toString('utf8')), null, 2);
      } catch {
        throw new UnreadableDocumentError('Not valid JSON');
      }
    default:
      return bytes.toString('utf8').replace(/^\uFEFF/, '').trim();
  }
}
