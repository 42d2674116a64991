/**
 * Scheduled work: publishes articles whose time has come. It runs at start-up (so articles whose time
 * passed while the server was down are published then) and every few seconds after.
 */
import type { ArticleService } from '../features/articles/service.js';

export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly articles: ArticleService,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  async start(intervalMs = 5000): Promise<void> {
    await this.tick();
    this.timer = setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
  }

  tick(): Promise<unknown> {
    this.running ??= this.articles
      .publishDue()
      .catch(this.onError)
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
