import { Global, Module } from '@nestjs/common';
import { ContentGeneration } from './content-generation.js';
import { ForumEvents } from './forum-events.js';

@Global()
@Module({ providers: [ForumEvents, ContentGeneration], exports: [ForumEvents, ContentGeneration] })
export class EventsModule {}
