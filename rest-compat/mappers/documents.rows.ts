import { z } from 'zod';
import {
  ProcessDocumentDocument,
  ProcessDocumentsDocument,
  ProcessTextContextDocument,
  SupportedDocumentTypesDocument,
  type ProcessedDocumentFieldsFragment,
} from '../../schema/generated/operations.js';
import { built } from './built.js';
import { uploadedFile as uploaded } from '../multipart.js';

const toInput = (f: z.infer<typeof uploaded>) => ({ fileId: f.fileId, filename: f.filename, contentType: f.contentType, size: f.size });

const documentBody = (d: ProcessedDocumentFieldsFragment) => ({
  filename: d.filename,
  file_type: d.fileType,
  content_type: d.contentType,
  file_size: d.fileSize,
  extracted_text: d.extractedText,
  text_length: d.textLength,
  processing_success: d.processingSuccess,
  ...(d.error ? { error: d.error } : {}),
});

export const documentsRows = {
  process: built({
    operation: ProcessDocumentDocument,
    multipart: true,
    body: z.object({ file: uploaded }),
    variables: (r) => ({ file: toInput(r.body.file) }),
    response: (d) => documentBody(d.processDocument),
  }),
  processMultiple: built({
    operation: ProcessDocumentsDocument,
    multipart: true,
    body: z.object({ files: z.union([uploaded, z.array(uploaded)]) }),
    variables: (r) => ({ files: (Array.isArray(r.body.files) ? r.body.files : [r.body.files]).map(toInput) }),
    response: (d) => ({
      results: d.processDocuments.map(documentBody),
      total_files: d.processDocuments.length,
      successful: d.processDocuments.filter((x) => x.processingSuccess).length,
      failed: d.processDocuments.filter((x) => !x.processingSuccess).length,
    }),
  }),
  /** JSON `{text, max_chars?}` or a multipart `file`. */
  textContext: built({
    operation: ProcessTextContextDocument,
    multipart: true,
    body: z.object({ text: z.string().optional(), file: uploaded.optional(), max_chars: z.coerce.number().int().min(1).optional() }),
    variables: ({ body: b }) => ({ text: b.text, file: b.file ? toInput(b.file) : undefined, maxChars: b.max_chars }),
    response: ({ processTextContext: c }) => ({ context: c.context, text_length: c.textLength, truncated: c.truncated, filename: c.filename }),
  }),
  supportedTypes: built({
    operation: SupportedDocumentTypesDocument,
    response: ({ supportedDocumentTypes: s }) => ({
      supported_types: s.types.map((t) => t.extension),
      types: s.types.map((t) => ({ extension: t.extension, content_types: t.contentTypes, description: t.description })),
      max_file_size: s.maxFileSize,
      max_files: s.maxFiles,
    }),
  }),
};
