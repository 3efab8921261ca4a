import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'A file already uploaded to the blob store (REST uploads are stored before the operation runs).' })
export class UploadedFileInput {
  @Field(() => String) fileId: string;
  @Field(() => String) filename: string;
  @Field(() => String, { nullable: true }) contentType?: string | null;
  @Field(() => Int) size: number;
}
