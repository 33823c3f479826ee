import { Module } from '@nestjs/common';
import { MarkdownPreviewService } from './markdown-preview.service.js';
import { MarkdownResolver } from './markdown.resolver.js';
import { MarkdownService } from './markdown.service.js';

/** Renders and sanitises post bodies; exported for every feature that shows markdown. Also serves the editors' previews. */
@Module({ providers: [MarkdownService, MarkdownPreviewService, MarkdownResolver], exports: [MarkdownService] })
export class MarkdownModule {}
