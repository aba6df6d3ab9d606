// Benchmarks the Batch Jobs view's data path: 5 regions x 1,000 jobs in the local AWS endpoint,
// timed from "refresh" to a fully grouped tree. The tree provider imports vscode, so this runs
// the same pipeline it runs, in plain Node: the real SDK clients (AwsClients, SigV4, paginator)
// listing every region in parallel over loopback HTTP, then the store, filter and grouping each
// region node does. Rendering in the workbench is not included.
// Run: npx tsc -p tsconfig.json && node out/bench/explorer.js (writes bench/results/explorer.json)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AwsClients } from '../src/aws/clients';
import { groupByModel } from '../src/explorer/groupJobs';
import { defaultFilter, matchesFilter, submittedAfter } from '../src/explorer/jobFilter';
import { listRegionJobs } from '../src/explorer/listJobs';
import { RegionJobs } from '../src/explorer/regionJobs';
import type { Log } from '../src/shared/log';
import { startLocalAws } from '../src/localAws';
import { modelForms, prepareBedrock, seedJob, type SeedStatus } from '../test/support/jobSeeds';

const regions = ['us-east-1', 'us-east-2', 'us-west-2', 'eu-central-1', 'eu-west-1'];
const jobsPerRegion = 1000;
const runs = 7;

/** A realistic mix: most jobs ended, a few still running or queued. */
const statusMix: readonly [SeedStatus, number][] = [
    ['Completed', 0.6],
    ['Failed', 0.15],
    ['Stopped', 0.1],
    ['Expired', 0.08],
    ['PartiallyCompleted', 0.03],
    ['InProgress', 0.02],
    ['Scheduled', 0.01],
    ['Submitted', 0.01],
];

function statusFor(index: number): SeedStatus {
    const at = (index % 100) / 100;
    let sum = 0;
    for (const [status, share] of statusMix) {
        sum += share;
        if (at < sum) {
            return status;
        }
    }
    return 'Completed';
}

const quietLog = {
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: () => undefined,
} as unknown as Log;

async function main(): Promise<void> {
    process.env['AWS_EC2_METADATA_DISABLED'] = 'true';
    const aws = await startLocalAws({ clock: { kind: 'manual' } });
    try {
        const service = await prepareBedrock(aws);
        const seedStart = performance.now();
        for (const region of regions) {
            const forms = modelForms(region, aws.accountId);
            for (let i = 0; i < jobsPerRegion; i++) {
                const form = forms[i % forms.length] ?? forms[0];
                await seedJob(aws, service, {
                    region,
                    name: `bench-${region}-${i}`,
                    modelId: form?.modelId ?? '',
                    status: statusFor(i),
                });
            }
        }
        const seedSeconds = (performance.now() - seedStart) / 1000;
        process.stdout.write(
            `seeded ${regions.length * jobsPerRegion} jobs in ${seedSeconds.toFixed(1)} s\n`,
        );

        const clients = new AwsClients(quietLog, {
            kind: 'sandbox',
            endpoint: aws.endpoint,
            region: aws.region,
            accessKeyId: aws.credentials.accessKeyId,
            secretAccessKey: aws.credentials.secretAccessKey,
        });
        const timings: {
            totalMs: number;
            listMs: number;
            groupMs: number;
            groupCpuMs: number;
            models: number;
            jobs: number;
        }[] = [];
        for (let run = 0; run < runs; run++) {
            const started = performance.now();
            const now = Date.now();
            let listedAt = 0;
            let groupCpuMs = 0;
            const grouped = await Promise.all(
                regions.map(async (region) => {
                    const jobs = await listRegionJobs(
                        clients,
                        region,
                        submittedAfter(defaultFilter, now),
                    );
                    const listed = performance.now();
                    listedAt = Math.max(listedAt, listed);
                    const store = new RegionJobs(region);
                    store.replaceAll(jobs);
                    const shown = [...store.jobs()].filter((job) =>
                        matchesFilter(job, defaultFilter, now),
                    );
                    const groups = groupByModel(shown);
                    groupCpuMs += performance.now() - listed;
                    return groups;
                }),
            );
            const done = performance.now();
            const jobs = grouped.flat().reduce((sum, group) => sum + group.jobs.length, 0);
            if (jobs !== regions.length * jobsPerRegion) {
                throw new Error(
                    `expected ${regions.length * jobsPerRegion} jobs in the tree, got ${jobs}`,
                );
            }
            timings.push({
                totalMs: done - started,
                listMs: listedAt - started,
                groupMs: done - listedAt,
                groupCpuMs,
                models: grouped.flat().length,
                jobs,
            });
        }
        clients.dispose();

        const warm = timings
            .slice(1)
            .map((t) => t.totalMs)
            .sort((a, b) => a - b);
        const median = warm[Math.floor(warm.length / 2)] ?? 0;
        const result = {
            what: 'refresh to grouped tree, 5 regions x 1,000 jobs, real SDK over loopback, Node',
            node: process.version,
            regions: regions.length,
            jobsPerRegion,
            seedSeconds: Number(seedSeconds.toFixed(1)),
            firstRunMs: Math.round(timings[0]?.totalMs ?? 0),
            warmMedianMs: Math.round(median),
            warmMaxMs: Math.round(warm[warm.length - 1] ?? 0),
            runs: timings.map((t) => ({
                totalMs: Math.round(t.totalMs),
                listMs: Math.round(t.listMs),
                groupMs: Number(t.groupMs.toFixed(1)),
                groupCpuMs: Number(t.groupCpuMs.toFixed(1)),
                models: t.models,
                jobs: t.jobs,
            })),
        };
        const dir = join(__dirname, '..', '..', 'bench', 'results');
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, 'explorer.json'), `${JSON.stringify(result, undefined, 2)}\n`);
        process.stdout.write(`${JSON.stringify(result, undefined, 2)}\n`);
    } finally {
        await aws.stop();
    }
}

main().catch((error: unknown) => {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`bench failed: ${text}\n`);
    process.exitCode = 1;
});
