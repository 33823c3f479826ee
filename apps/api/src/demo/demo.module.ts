import { Module } from '@nestjs/common';
import { ThreadsModule } from '../threads/threads.module.js';
import { UsersModule } from '../users/users.module.js';
import { DemoSeedService } from './demo-seed.service.js';

/** The demo forum created on an empty database when SEED_DEMO is on. */
@Module({ imports: [ThreadsModule, UsersModule], providers: [DemoSeedService] })
export class DemoModule {}
