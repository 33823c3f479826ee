import { Module } from '@nestjs/common';
import { MarkdownModule } from '../markdown/markdown.module.js';
import { ThreadsModule } from '../threads/threads.module.js';
import { SearchResolver } from './search.resolver.js';
import { SearchIndexer } from './search-indexer.js';
import { SearchService } from './search.service.js';

@Module({ imports: [MarkdownModule, ThreadsModule], providers: [SearchResolver, SearchService, SearchIndexer], exports: [SearchService] })
export class SearchModule {}
