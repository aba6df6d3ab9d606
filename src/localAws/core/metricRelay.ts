import type { MetricDatum, MetricSink } from '../types';

const MAX_PENDING = 100_000;

/** Forwards datapoints to the sink CloudWatch provides, keeping early ones until it does. */
export class MetricRelay implements MetricSink {
    private sink: MetricSink | undefined;
    private pending: MetricDatum[] = [];

    put(datum: MetricDatum): void {
        if (this.sink !== undefined) {
            this.sink.put(datum);
            return;
        }
        if (this.pending.length < MAX_PENDING) {
            this.pending.push(datum);
        }
    }

    provide(sink: MetricSink): void {
        this.sink = sink;
        const pending = this.pending;
        this.pending = [];
        for (const datum of pending) {
            sink.put(datum);
        }
    }
}
