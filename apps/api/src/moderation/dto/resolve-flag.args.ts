import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { normalizeNote } from './note.js';

@ArgsType()
export class ResolveFlagArgs {
  @Field(() => ID, { description: 'The open flag.' })
  @IsString()
  flagId: string;

  @Field(() => String, { nullable: true, description: 'What was decided, for the moderation log: up to 500 characters.' })
  @IsOptional()
  @Transform(({ value }) => normalizeNote(value))
  @IsString()
  @MaxLength(500, { message: 'note must be at most 500 characters' })
  note?: string | null;
}
