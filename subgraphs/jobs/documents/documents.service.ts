import { BadUserInputError, DomainError, ErrorCode } from '../../common/errors.js';
import { requireAuth } from '../../common/context.js';
import type { SubgraphContext } from '../../common/subgraph.types.js';
import { extractText, fileTypeOf, SUPPORTED_TYPES, UnreadableDocumentError } from './document-text.js';
import type { UploadedFileInput } from './documents.inputs.js';
import type { ProcessedDocument, SupportedDocumentTypes, TextContext } from './documents.types.js';

export const MAX_DOCUMENTS = 10;
/** Context handed to a model is cut here (characters), and says so. */
const MAX_CONTEXT_CHARS = 100_000;

export class DocumentsService {
  constructor(private readonly ctx: SubgraphContext) {}

  supportedTypes(): SupportedDocumentTypes {
    return {
      types: Object.entries(SUPPORTED_TYPES).map(([extension, t]) => ({ extension, contentTypes: t.contentTypes, description: t.description })),
      maxFileSize: this.ctx.deps.env.maxUploadBytes,
      maxFiles: MAX_DOCUMENTS,
    };
  }

  /** One document: an unsupported type is the caller's error (400); a corrupt file of a supported type too. */
  async process(file: UploadedFileInput): Promise<ProcessedDocument> {
    requireAuth(this.ctx);
    const fileType = fileTypeOf(file.filename, file.contentType ?? null);
    if (!fileType) {
      throw new BadUserInputError(`Unsupported file type: ${file.filename}; supported: ${Object.keys(SUPPORTED_TYPES).join(', ')}`, 'file');
    }
    if (file.size > this.ctx.deps.env.maxUploadBytes) {
      throw new DomainError(ErrorCode.PayloadTooLarge, `File ${file.filename} is larger than ${this.ctx.deps.env.maxUploadBytes} bytes`);
    }
    try {
      const text = await extractText(fileType, await this.ctx.deps.blobs.read(file.fileId));
      return { filename: file.filename, fileType, contentType: file.contentType ?? null, fileSize: file.size, extractedText: text, textLength: text.length, processingSuccess: true, error: null };
    } catch (e) {
      if (e instanceof UnreadableDocumentError) throw new BadUserInputError(`${file.filename}: ${e.message}`, 'file');
      throw e;
    }
  }

  /** Several documents; each reports its own failure so one bad file does not lose the others. */
  async processMany(files: UploadedFileInput[]): Promise<ProcessedDocument[]> {
    requireAuth(this.ctx);
    if (files.length === 0) throw new BadUserInputError('No files were sent', 'files');
    if (files.length > MAX_DOCUMENTS) throw new BadUserInputError(`At most ${MAX_DOCUMENTS} files per request`, 'files');
    return Promise.all(
      files.map((f) =>
        this.process(f).catch((e: Error) => {
          if (!(e instanceof DomainError)) throw e;
          return { filename: f.filename, fileType: fileTypeOf(f.filename, f.contentType ?? null), contentType: f.contentType ?? null, fileSize: f.size, extractedText: '', textLength: 0, processingSuccess: false, error: e.message };
        }),
      ),
    );
  }

  /** Text (given, or extracted from a file) normalised for a prompt: whitespace tidied, capped, labelled. */
  async textContext(text: string | null | undefined, file: UploadedFileInput | null | undefined, maxChars?: number | null): Promise<TextContext> {
    requireAuth(this.ctx);
    const source = file ? (await this.process(file)).extractedText : text;
    if (!source?.trim()) throw new BadUserInputError('Send a non-empty `text` or a `file`', 'text');
    const limit = Math.min(maxChars ?? MAX_CONTEXT_CHARS, MAX_CONTEXT_CHARS);
    const tidy = source.replace(/\r\n?/g, '\n').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
    const truncated = tidy.length > limit;
    const body = truncated ? tidy.slice(0, limit) : tidy;
    const label = file ? `Document: ${file.filename}\n\n` : '';
    return { context: `${label}${body}`, textLength: tidy.length, truncated, filename: file?.filename ?? null };
  }
}
