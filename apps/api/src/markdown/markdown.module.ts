import { Module } from '@nestjs/common';
import { MarkdownService } from './markdown.service.js';

/** Renders and sanitises post bodies; exported for every feature that shows markdown. */
@Module({ providers: [MarkdownService], exports: [MarkdownService] })
export class MarkdownModule {}
