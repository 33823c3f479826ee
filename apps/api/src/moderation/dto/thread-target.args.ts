import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { normalizeNote } from './note.js';

@ArgsType()
export class ThreadTargetArgs {
  @Field(() => ID, { description: 'The thread.' })
  @IsString()
  threadId: string;

  @Field(() => String, { nullable: true, description: 'Why, for the moderation log: up to 500 characters.' })
  @IsOptional()
  @Transform(({ value }) => normalizeNote(value))
  @IsString()
  @MaxLength(500, { message: 'reason must be at most 500 characters' })
  reason?: string | null;
}
