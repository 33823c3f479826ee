import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, Matches } from 'class-validator';

export const answerSlugPattern = /^[a-z0-9-]{3,64}$/;

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A canonical answer slug: 3 to 64 of [a-z0-9-]. */
export const IsAnswerSlug = () =>
  applyDecorators(
    Transform(trim),
    IsString(),
    Matches(answerSlugPattern, { message: 'slug must be 3 to 64 lower-case letters, digits or dashes' }),
  );

/** Trims surrounding white space before validation. */
export const Trim = () => Transform(trim);
