import { Module } from '@nestjs/common';
import { MarkdownModule } from '../markdown/markdown.module.js';
import { SearchResolver } from './search.resolver.js';
import { SearchService } from './search.service.js';

@Module({ imports: [MarkdownModule], providers: [SearchResolver, SearchService], exports: [SearchService] })
export class SearchModule {}
