import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { SubgraphContext } from '../../common/subgraph.types.js';
import { UploadedFileInput } from './documents.inputs.js';
import { DocumentsService } from './documents.service.js';
import { ProcessedDocument, SupportedDocumentTypes, TextContext } from './documents.types.js';

@Resolver()
export class DocumentsResolver {
  @Query(() => SupportedDocumentTypes)
  supportedDocumentTypes(@Ctx() ctx: SubgraphContext): SupportedDocumentTypes {
    return new DocumentsService(ctx).supportedTypes();
  }

  @Mutation(() => ProcessedDocument, { description: 'Extracts the text of an uploaded document.' })
  processDocument(@Arg('file', () => UploadedFileInput) file: UploadedFileInput, @Ctx() ctx: SubgraphContext): Promise<ProcessedDocument> {
    return new DocumentsService(ctx).process(file);
  }

  @Mutation(() => [ProcessedDocument], { description: 'Up to 10 documents; each reports its own failure.' })
  processDocuments(@Arg('files', () => [UploadedFileInput]) files: UploadedFileInput[], @Ctx() ctx: SubgraphContext): Promise<ProcessedDocument[]> {
    return new DocumentsService(ctx).processMany(files);
  }

  @Mutation(() => TextContext, { description: 'Text or a document, tidied and capped to go into a prompt.' })
  processTextContext(
    @Arg('text', () => String, { nullable: true }) text: string | null,
    @Arg('file', () => UploadedFileInput, { nullable: true }) file: UploadedFileInput | null,
    @Arg('maxChars', () => Int, { nullable: true }) maxChars: number | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<TextContext> {
    return new DocumentsService(ctx).textContext(text, file, maxChars);
  }
}
