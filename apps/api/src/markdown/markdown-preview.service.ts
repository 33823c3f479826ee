import { Injectable } from '@nestjs/common';
import { refuseSecrets } from '../common/refuse-secrets.js';
import { RequestContext } from '../common/request-context.js';
import { RateLimiterService } from '../rate-limit/rate-limiter.service.js';
import { MarkdownService } from './markdown.service.js';

/** Editors ask for a preview while people type, so the limit is loose; it only stops scripted abuse. */
const previewsPerMinute = 120;

/** The editor's Preview tab: the same sanitised HTML a post body will get, without storing anything. */
@Injectable()
export class MarkdownPreviewService {
  constructor(
    private readonly markdown: MarkdownService,
    private readonly rateLimiter: RateLimiterService,
  ) {}

  async preview(context: RequestContext, body: string): Promise<string> {
    await this.rateLimiter.consume(`markdown-preview:${context.ip}`, previewsPerMinute, 60);
    refuseSecrets({ body });
    return this.markdown.render(body);
  }
}
