import { Global, Module } from '@nestjs/common';
import { ForumEvents } from './forum-events.js';

@Global()
@Module({ providers: [ForumEvents], exports: [ForumEvents] })
export class EventsModule {}
