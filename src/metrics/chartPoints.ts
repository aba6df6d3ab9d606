/**
 * Chart points with breaks: CloudWatch returns no datapoint for a minute without batch work, and
 * a line drawn straight across an idle hour would claim work that did not happen.
 */
export interface ChartPoint {
    readonly x: number;
    readonly y: number | null;
}

export function chartPoints(
    points: readonly (readonly [number, number])[],
    periodSeconds: number,
): ChartPoint[] {
    const gap = periodSeconds * 1000 * 1.5;
    const out: ChartPoint[] = [];
    let previous: number | undefined;
    for (const [x, y] of points) {
        if (previous !== undefined && x - previous > gap) {
            out.push({ x: previous + periodSeconds * 1000, y: null });
        }
        out.push({ x, y });
        previous = x;
    }
    return out;
}
