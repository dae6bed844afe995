/**
 * Samples resident set size on a timer. The event loop is busy during parsing and evaluation, so
 * samples can be late; `maxRssBytes` from the kernel (getrusage) backs the sampled peak up.
 */
export class RssSampler {
  private peak = 0;
  private samples = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly intervalMs = 50) {}

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    // Never keep the process alive just to sample memory.
    this.timer.unref();
  }

  stop(): { peakRssBytes: number; samples: number; maxRssBytes: number } {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    // resourceUsage().maxRSS is in kilobytes and covers the whole process lifetime.
    return { peakRssBytes: this.peak, samples: this.samples, maxRssBytes: process.resourceUsage().maxRSS * 1024 };
  }

  private sample(): void {
    this.samples++;
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
  }
}
