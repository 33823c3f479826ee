import { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { Environment } from '../config/environment.js';
import { PostJob } from './post-job.js';
import { PostJobs, postJobsQueueName } from './post-jobs.service.js';

/**
 * This instance's BullMQ worker for post jobs (with REDIS_URL and JOB_WORKERS on). It starts with the modules, so a
 * job may arrive before every feature registered its handler: that try fails and the job is retried.
 */
@Processor(postJobsQueueName)
export class PostJobsWorker extends WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly jobs: PostJobs,
    private readonly environment: Environment,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.environment.JOB_CONCURRENCY;
  }

  /** Lets running jobs finish while the database is still open. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }

  /** Connection errors while Redis is away: RedisConnections reports the outage once; the worker reconnects itself. */
  @OnWorkerEvent('error')
  ignoreConnectionError(): void {}

  process(job: Job<PostJob>): Promise<void> {
    return this.jobs.run(job.data);
  }
}
