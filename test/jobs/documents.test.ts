import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rest, signUp } from '../helpers/clients.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { docxWithParagraphs, pdfWithText } from '../fixtures/documents.js';

let app: TestApp;
let user: Awaited<ReturnType<typeof signUp>>;

beforeAll(async () => {
  app = await startTestApp({ MAX_UPLOAD_BYTES: '65536' });
  user = await signUp(app.restUrl, 'docs');
});
afterAll(() => app.close());

async function upload(path: string, files: [field: string, name: string, type: string, bytes: Buffer | string][], fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [field, name, type, bytes] of files) form.append(field, new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], { type }), name);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const res = await fetch(`${app.restUrl}${path}`, { method: 'POST', body: form, headers: user.bearer });
  return { status: res.status, body: await res.json() };
}

const blobsLeft = async () => (await readdir(join(app.env.dataDir, 'blobs')).catch(() => [])).length;

describe('documents', () => {
  it.each([
    ['notes.txt', 'text/plain', 'Plain words on a line.', 'Plain words on a line.'],
    ['notes.md', 'text/markdown', '# Title\n\nSome *markdown*.', '# Title'],
    ['page.html', 'text/html', '<html><body><article><p>Readable paragraph about lighthouses and the sea, long enough to be kept as the article body.</p></article></body></html>', 'lighthouses'],
    ['table.csv', 'text/csv', 'a,b\n1,2\n', 'a,b'],
    ['data.json', 'application/json', '{"k":[1,2]}', '"k": ['],
  ])('should extract the text of %s', async (name, type, content, expected) => {
    const res = await upload('/api/v1/documents/process', [['file', name, type, content]]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ filename: name, file_type: name.split('.').pop(), content_type: type, file_size: Buffer.byteLength(content), processing_success: true });
    expect(res.body.extracted_text).toContain(expected);
    expect(res.body.text_length).toBe(res.body.extracted_text.length);
  });

  it('should extract the text of a PDF and of a Word document', async () => {
    const pdf = await upload('/api/v1/documents/process', [['file', 'report.pdf', 'application/pdf', pdfWithText('Quarterly harvest report')]]);
    expect(pdf.status).toBe(200);
    expect(pdf.body.extracted_text).toContain('Quarterly harvest report');
    const docx = await upload('/api/v1/documents/process', [['file', 'memo.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', await docxWithParagraphs(['First paragraph.', 'Second one.'])]]);
    expect(docx.status).toBe(200);
    expect(docx.body.extracted_text).toContain('First paragraph.');
    expect(docx.body.extracted_text).toContain('Second one.');
  });

  it('should refuse unsupported and corrupt files with 400, oversize with 413, none with 422, and keep no upload', async () => {
    const exe = await upload('/api/v1/documents/process', [['file', 'tool.exe', 'application/octet-stream', 'MZ']]);
    expect(exe.status).toBe(400);
    expect(exe.body.detail).toContain('Unsupported file type');
    const corrupt = await upload('/api/v1/documents/process', [['file', 'broken.pdf', 'application/pdf', 'not a pdf at all']]);
    expect(corrupt.status).toBe(400);
    const big = await upload('/api/v1/documents/process', [['file', 'big.txt', 'text/plain', 'x'.repeat(70_000)]]);
    expect(big.status).toBe(413);
    const none = await upload('/api/v1/documents/process', [], { note: 'no file' });
    expect(none.status).toBe(422);
    expect(none.body.detail[0].loc).toEqual(['body', 'file']);
    expect(await blobsLeft()).toBe(0);
  });

  it('should process several files, each reporting its own result, at most 10', async () => {
    const res = await upload('/api/v1/documents/process-multiple', [
      ['files', 'a.txt', 'text/plain', 'alpha'],
      ['files', 'b.exe', 'application/octet-stream', 'MZ'],
      ['files', 'c.md', 'text/markdown', 'gamma'],
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total_files: 3, successful: 2, failed: 1 });
    expect(res.body.results[1]).toMatchObject({ filename: 'b.exe', processing_success: false });
    const eleven = await upload('/api/v1/documents/process-multiple', Array.from({ length: 11 }, (_, i) => ['files', `${i}.txt`, 'text/plain', 'x'] as [string, string, string, string]));
    expect(eleven.status).toBe(400);
    expect(await blobsLeft()).toBe(0);
  });

  it('should prepare text context from JSON text or a file', async () => {
    const json = await rest(app.restUrl, 'POST', '/api/v1/documents/process-text-context', { body: { text: 'Some   text  \r\n\r\n\r\n\r\nmore', max_chars: 8 }, headers: user.bearer });
    expect(json.body).toMatchObject({ context: 'Some   t', truncated: true, filename: null });
    const file = await upload('/api/v1/documents/process-text-context', [['file', 'a.txt', 'text/plain', 'From a file.']]);
    expect(file.body).toMatchObject({ context: 'Document: a.txt\n\nFrom a file.', truncated: false, filename: 'a.txt' });
    expect((await rest(app.restUrl, 'POST', '/api/v1/documents/process-text-context', { body: {}, headers: user.bearer })).status).toBe(400);
  });

  it('should list the supported types and need credentials', async () => {
    const res = await rest(app.restUrl, 'GET', '/api/v1/documents/supported-types', { headers: user.bearer });
    expect(res.body.supported_types).toEqual(expect.arrayContaining(['txt', 'md', 'html', 'csv', 'json', 'pdf', 'docx']));
    expect(res.body.max_file_size).toBe(65536);
    const form = new FormData();
    form.append('file', new Blob(['x'], { type: 'text/plain' }), 'a.txt');
    expect((await fetch(`${app.restUrl}/api/v1/documents/process`, { method: 'POST', body: form })).status).toBe(401);
  });
});

describe('file references', () => {
  it('should refuse a JSON body that names a stored file instead of uploading one', async () => {
    const res = await rest(app.restUrl, 'POST', '/api/v1/documents/process', {
      body: { file: { fileId: '00000000-0000-4000-8000-000000000000', filename: 'x.txt', contentType: 'text/plain', size: 1 } },
      headers: user.bearer,
    });
    expect(res).toMatchObject({ status: 400, body: { detail: 'Files must be uploaded as multipart/form-data' } });
  });
});
