// S3 throughput of the local AWS endpoint: one endpoint process, a 1 GiB file uploaded and
// downloaded
// with the SDK (lib-storage Upload, GetObject streamed to a file) and with `aws s3 cp`. Reports
// MiB/s,
// the endpoint's peak RSS, and checks sha256 both ways. Writes bench/results/s3Throughput.json.
//   node bench/s3Throughput.mjs [--size-mib N]
import { execFile, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sizeArg = process.argv.indexOf('--size-mib');
const SIZE_MIB = sizeArg > 0 ? Number(process.argv[sizeArg + 1]) : 1024;
const SIZE = SIZE_MIB * 1024 * 1024;
const MiB = 1024 * 1024;

const work = await mkdtemp(join(tmpdir(), 's3-throughput-'));
const configDir = join(work, 'aws');
await mkdir(configDir);
await writeFile(
    join(configDir, 'config'),
    '[default]\nregion = us-east-1\ns3 =\n    addressing_style = path\n',
);
Object.assign(process.env, {
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_CONFIG_FILE: join(configDir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(configDir, 'credentials'),
});
delete process.env.AWS_PROFILE;

const { S3Client, CreateBucketCommand, GetObjectCommand } = await import('@aws-sdk/client-s3');
const { Upload } = await import('@aws-sdk/lib-storage');

async function sha256File(path) {
    const hash = createHash('sha256');
    await pipeline(createReadStream(path, { highWaterMark: 4 * MiB }), hash);
    return hash.digest('hex');
}

async function writeRandomFile(path) {
    const hash = createHash('sha256');
    const out = createWriteStream(path);
    const block = 8 * MiB;
    for (let written = 0; written < SIZE; written += block) {
        const chunk = randomBytes(Math.min(block, SIZE - written));
        hash.update(chunk);
        if (!out.write(chunk)) {
            await new Promise((resolve) => out.once('drain', resolve));
        }
    }
    await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
    return hash.digest('hex');
}

/**
 * Builds dist/aws-local.js if needed (scripts/awsLocal.mjs does that), then starts the bundle
 * itself.
 */
async function startEndpoint() {
    await promisify(execFile)(process.execPath, [join(root, 'scripts', 'awsLocal.mjs'), '--help'], {
        cwd: root,
    });
    const child = spawn(
        process.execPath,
        [join(root, 'dist', 'aws-local.js'), '--port', '0', '--data-dir', join(work, 'data')],
        {
            stdio: ['ignore', 'pipe', 'inherit'],
        },
    );
    const line = await new Promise((resolve, reject) => {
        let buffered = '';
        child.stdout.on('data', (chunk) => {
            buffered += chunk.toString('utf8');
            if (buffered.includes('\n')) {
                resolve(buffered.split('\n')[0]);
            }
        });
        child.on('exit', (code) => reject(new Error(`endpoint exited with ${code}`)));
    });
    return { child, info: JSON.parse(line) };
}

/** Peak resident set size of a process in MiB, from /proc (Linux). */
function peakRssMib(pid) {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 'NaN');
    return kb / 1024;
}

async function timed(run) {
    const started = process.hrtime.bigint();
    await run();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { seconds, mibPerSecond: SIZE / MiB / seconds };
}

const results = [];
let endpoint;
try {
    const source = join(work, 'source.bin');
    process.stderr.write(`bench: writing ${SIZE_MIB} MiB of random data\n`);
    const sourceSha = await writeRandomFile(source);
    endpoint = await startEndpoint();
    const { info } = endpoint;
    await writeFile(
        join(configDir, 'credentials'),
        `[default]\naws_access_key_id = ${info.accessKeyId}\naws_secret_access_key = ` +
        `${info.secretAccessKey}\n`,
    );
    const s3 = new S3Client({
        endpoint: info.endpoint,
        region: info.region,
        forcePathStyle: true,
        credentials: { accessKeyId: info.accessKeyId, secretAccessKey: info.secretAccessKey },
    });
    await s3.send(new CreateBucketCommand({ Bucket: 'bench' }));

    process.stderr.write('bench: SDK upload\n');
    const sdkUp = await timed(() =>
        new Upload({
            client: s3,
            params: {
                Bucket: 'bench',
                Key: 'sdk.bin',
                Body: createReadStream(source, { highWaterMark: MiB }),
            },
            queueSize: 4,
            partSize: 8 * MiB,
        }).done(),
    );
    process.stderr.write('bench: SDK download\n');
    const sdkTarget = join(work, 'sdk-download.bin');
    const sdkDown = await timed(async () => {
        const got = await s3.send(
            new GetObjectCommand({ Bucket: 'bench', Key: 'sdk.bin', ChecksumMode: 'ENABLED' }),
        );
        await pipeline(got.Body, createWriteStream(sdkTarget));
    });
    const sdkSha = await sha256File(sdkTarget);
    await rm(sdkTarget);
    results.push({
        client: 'SDK (lib-storage Upload / GetObject)',
        direction: 'upload',
        ...sdkUp,
        sha256Ok: sdkSha === sourceSha,
    });
    results.push({
        client: 'SDK (lib-storage Upload / GetObject)',
        direction: 'download',
        ...sdkDown,
        sha256Ok: sdkSha === sourceSha,
    });
    s3.destroy();

    if (process.env.PATH?.split(':').some((dir) => existsSync(join(dir, 'aws')))) {
        const aws = (...args) =>
            promisify(execFile)(
                'aws',
                ['--endpoint-url', info.endpoint, '--only-show-errors', ...args],
                { maxBuffer: 1 << 20 },
            );
        process.stderr.write('bench: aws s3 cp upload\n');
        const cliUp = await timed(() => aws('s3', 'cp', source, 's3://bench/cli.bin'));
        process.stderr.write('bench: aws s3 cp download\n');
        const cliTarget = join(work, 'cli-download.bin');
        const cliDown = await timed(() => aws('s3', 'cp', 's3://bench/cli.bin', cliTarget));
        const cliSha = await sha256File(cliTarget);
        await rm(cliTarget);
        results.push({
            client: 'aws s3 cp',
            direction: 'upload',
            ...cliUp,
            sha256Ok: cliSha === sourceSha,
        });
        results.push({
            client: 'aws s3 cp',
            direction: 'download',
            ...cliDown,
            sha256Ok: cliSha === sourceSha,
        });
    } else {
        process.stderr.write('bench: `aws` is not on PATH; CLI rows skipped\n');
    }

    const peak = peakRssMib(endpoint.child.pid);
    const summary = {
        date: new Date().toISOString(),
        node: process.version,
        sizeMiB: SIZE_MIB,
        endpointPeakRssMiB: Math.round(peak),
        results: results.map((r) => ({
            ...r,
            seconds: Number(r.seconds.toFixed(2)),
            mibPerSecond: Number(r.mibPerSecond.toFixed(1)),
        })),
    };
    const rows = summary.results.map(
        (r) =>
            `| ${r.client.padEnd(38)} | ${r.direction.padEnd(8)} | ` +
            `${String(r.seconds).padStart(7)} | ${String(r.mibPerSecond).padStart(7)} | ` +
            `${r.sha256Ok ? 'ok' : 'MISMATCH'} |`,
    );
    process.stdout.write(
        [
            `S3 throughput, ${SIZE_MIB} MiB file, one local endpoint (peak RSS ` +
            `${summary.endpointPeakRssMiB} MiB)`,
            `| ${'client'.padEnd(38)} | ${'way'.padEnd(8)} | seconds | MiB/s   | sha256 |`,
            `|${'-'.repeat(40)}|${'-'.repeat(10)}|---------|---------|--------|`,
            ...rows,
            '',
        ].join('\n'),
    );
    await mkdir(join(root, 'bench', 'results'), { recursive: true });
    await writeFile(
        join(root, 'bench', 'results', 's3Throughput.json'),
        `${JSON.stringify(summary, null, 2)}\n`,
    );
    if (results.some((r) => !r.sha256Ok)) {
        process.exitCode = 1;
    }
} finally {
    if (endpoint !== undefined) {
        const exited = new Promise((resolve) => endpoint.child.once('exit', resolve));
        endpoint.child.kill('SIGTERM');
        await exited;
    }
    await rm(work, { recursive: true, force: true });
}
