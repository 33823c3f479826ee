import { Module } from '@nestjs/common';
import { LiveModule } from '../live/live.module.js';
import { UsersModule } from '../users/users.module.js';
import { NotificationsResolver } from './notifications.resolver.js';
import { NotificationsService } from './notifications.service.js';

@Module({
  imports: [LiveModule, UsersModule],
  providers: [NotificationsService, NotificationsResolver],
})
export class NotificationsModule {}
