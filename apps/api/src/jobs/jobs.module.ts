import { DynamicModule, Global, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Environment } from '../config/environment.js';
import { PendingPostJobEntity } from './pending-post-job.entity.js';
import { OutageSafeQueue, OutageSafeWorker } from './outage-safe-bullmq.js';
import { PostJobs, postJobsQueueName } from './post-jobs.service.js';
import { PostJobsWorker } from './post-jobs.worker.js';

/** Post-processing jobs: on BullMQ when REDIS_URL is set, in this process otherwise (see PostJobs). */
@Global()
@Module({})
export class JobsModule {
  static forRoot(environment: Environment): DynamicModule {
    const pending = TypeOrmModule.forFeature([PendingPostJobEntity]);
    if (!environment.REDIS_URL) return { module: JobsModule, imports: [pending], providers: [PostJobs], exports: [PostJobs] };
    BullModule.queueClass = OutageSafeQueue;
    BullModule.workerClass = OutageSafeWorker;
    const queue = BullModule.registerQueueAsync({
      name: postJobsQueueName,
      inject: [Environment],
      useFactory: (settings: Environment) => ({
        // Reconnects as soon as RedisConnections does (BullMQ's default waits up to 20 s between tries).
        connection: { url: settings.REDIS_URL, retryStrategy: (attempt: number) => Math.min(attempt * 200, 2000) },
        // Instances sharing REDIS_URL and REDIS_KEY_PREFIX share one queue.
        prefix: `${settings.REDIS_KEY_PREFIX}jobs`,
        defaultJobOptions: {
          attempts: settings.JOB_ATTEMPTS,
          backoff: { type: 'exponential', delay: settings.JOB_BACKOFF_MS },
          // A finished job's pending row is gone, and a failed one's is left to the sweep, which queues it again.
          removeOnComplete: true,
          removeOnFail: true,
        },
      }),
    });
    const workers = environment.JOB_WORKERS ? [PostJobsWorker] : [];
    return { module: JobsModule, imports: [pending, queue], providers: [PostJobs, ...workers], exports: [PostJobs] };
  }
}
