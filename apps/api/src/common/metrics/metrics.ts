import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** A gauge's reading, taken when /api/metrics is scraped: one value, or one per label set. */
export type GaugeReading = number | { labels: Record<string, string>; value: number }[];

/**
 * The process's metrics, served in Prometheus' text format at /api/metrics. Counters and
 * histograms are fed where the work happens; gauges are read at each scrape from whoever owns
 * the figure (the socket server, the job queue, the database pool), so a scrape costs nothing
 * between scrapes.
 */
export class Metrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'cutroom_http_requests_total',
    help: 'HTTP requests answered, by method, route template and status code',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'cutroom_http_request_duration_seconds',
    help: 'Time from a request arriving to its answer being sent, by method and route template',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly relayLag = new Histogram({
    name: 'cutroom_event_relay_lag_seconds',
    help: "Time from an event being written to its relay to this process's sockets",
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [this.registry],
  });

  readonly transcodeSeconds = new Counter({
    name: 'cutroom_transcode_seconds_total',
    help: 'Seconds this process spent processing versions, by outcome',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly uploadBytes = new Counter({
    name: 'cutroom_upload_bytes_total',
    help: 'Bytes of uploads received and written to disk by this process',
    registers: [this.registry],
  });

  readonly uploadBytesRehashed = new Counter({
    name: 'cutroom_upload_bytes_rehashed_total',
    help: 'Bytes of resumed uploads hashed from disk without having been received by this process (an upload begun before a restart, or on another process); none while an upload stays on one process',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'cutroom_' });
  }

  /**
   * A gauge read at scrape time. A reading that fails leaves the gauge out of that scrape
   * rather than failing the whole of it; `read` should bound its own time.
   */
  gauge(
    name: string,
    help: string,
    read: () => GaugeReading | Promise<GaugeReading>,
    labelNames: string[] = [],
  ) {
    return new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        this.reset();
        let reading: GaugeReading;
        try {
          reading = await read();
        } catch {
          return;
        }
        if (typeof reading === 'number') this.set(reading);
        else for (const { labels, value } of reading) this.set(labels, value);
      },
    });
  }

  /** The whole registry in Prometheus' text exposition format. */
  async text(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
