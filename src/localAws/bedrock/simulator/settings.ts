/** Knobs of the job simulator, all in simulated time. */
export interface SimulatorSettings {
    /** Time a job stays Submitted before validation starts. */
    submittedMs: number;
    /** Time validation takes; the input is read at its end. */
    validatingMs: number;
    /** Time a validated job waits in Scheduled before it runs. */
    scheduledMs: number;
    /** Time between StopModelInvocationJob and the Stopped status. */
    stoppingMs: number;
    /** Records processed per simulated minute by a running job. */
    recordsPerMinute: number;
    minRecordsPerJob: number;
    maxRecordsPerJob: number;
    maxRecordsPerFile: number;
    maxFileBytes: number;
    maxJobBytes: number;
    /** Jobs per model, account and region in Submitted..Stopping before Create is refused. */
    concurrentJobsPerModel: number;
}

/** With these defaults a 300-record job ends about 5.5 simulated minutes after submission. */
export const DEFAULT_SETTINGS: Readonly<SimulatorSettings> = {
    submittedMs: 30_000,
    validatingMs: 60_000,
    scheduledMs: 60_000,
    stoppingMs: 30_000,
    recordsPerMinute: 100,
    minRecordsPerJob: 100,
    maxRecordsPerJob: 50_000,
    maxRecordsPerFile: 50_000,
    maxFileBytes: 1024 ** 3,
    maxJobBytes: 5 * 1024 ** 3,
    concurrentJobsPerModel: 10,
};

/** Checks a partial update; returns the names of the settings it rejects. */
export function invalidSettings(
    update: Partial<Record<keyof SimulatorSettings, unknown>>,
): string[] {
    const bad: string[] = [];
    for (const [key, value] of Object.entries(update)) {
        if (!(key in DEFAULT_SETTINGS)) {
            bad.push(key);
            continue;
        }
        const positive = key === 'recordsPerMinute' || key === 'concurrentJobsPerModel';
        if (
            typeof value !== 'number' ||
            !Number.isFinite(value) ||
            value < 0 ||
            (positive && value <= 0)
        ) {
            bad.push(key);
        }
    }
    return bad;
}
