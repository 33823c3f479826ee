import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@ArgsType()
export class PreviewMarkdownArgs {
  @Field({ description: 'Markdown as typed, up to 20000 characters (the longest post body).' })
  @IsString()
  @MaxLength(20000, { message: 'body must be at most 20000 characters' })
  body: string;
}
