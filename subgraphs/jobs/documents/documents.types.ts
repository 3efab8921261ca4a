import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Text extracted from one document.' })
export class ProcessedDocument {
  @Field(() => String) filename: string;
  @Field(() => String, { nullable: true }) fileType: string | null;
  @Field(() => String, { nullable: true }) contentType: string | null;
  @Field(() => Int) fileSize: number;
  @Field(() => String) extractedText: string;
  @Field(() => Int) textLength: number;
  @Field(() => Boolean) processingSuccess: boolean;
  @Field(() => String, { nullable: true }) error: string | null;
}

@ObjectType({ description: 'Text prepared to go into an AI prompt as context.' })
export class TextContext {
  @Field(() => String) context: string;
  @Field(() => Int) textLength: number;
  @Field(() => Boolean) truncated: boolean;
  @Field(() => String, { nullable: true }) filename: string | null;
}

@ObjectType()
export class SupportedDocumentType {
  @Field(() => String) extension: string;
  @Field(() => [String]) contentTypes: string[];
  @Field(() => String) description: string;
}

@ObjectType()
export class SupportedDocumentTypes {
  @Field(() => [SupportedDocumentType]) types: SupportedDocumentType[];
  @Field(() => Int) maxFileSize: number;
  @Field(() => Int) maxFiles: number;
}
