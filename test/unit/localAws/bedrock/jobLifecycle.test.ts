import * as assert from 'node:assert/strict';
import {
    CreateModelInvocationJobCommand,
    GetModelInvocationJobCommand,
    StopModelInvocationJobCommand,
} from '@aws-sdk/client-bedrock';
import type { GetModelInvocationJobCommandOutput } from '@aws-sdk/client-bedrock';
import {
    HAIKU,
    MINUTE,
    START_MS,
    claudeRecords,
    jobRequest,
    readObject,
    startHarness,
} from './harness';
import type { Harness } from './harness';

function readText(h: Harness, bucket: string, key: string): Promise<string | undefined> {
    return readObject(h.aws, bucket, key);
}

async function readManifest(h: Harness, jobArn: string): Promise<Record<string, number>> {
    const text = await readObject(
        h.aws,
        'batch-out',
        `results/${jobArn.slice(-12)}/manifest.json.out`,
    );
    return JSON.parse(text ?? '{}') as Record<string, number>;
}

function jobIdOf(arn: string): string {
    return arn.slice(-12);
}

describe('local Bedrock job lifecycle (manual clock)', function () {
    this.timeout(20_000);
    let h: Harness;

    beforeEach(async () => {
        h = await startHarness();
        await h.aws.s3.createBucket('batch-in');
        await h.aws.s3.createBucket('batch-out');
    });

    afterEach(async () => {
        await h.stop();
    });

    async function submit(
        records: string,
        overrides: Record<string, unknown> = {},
    ): Promise<string> {
        await h.aws.s3.putObject('batch-in', 'records.jsonl', records);
        const out = await h.bedrock.send(
            new CreateModelInvocationJobCommand(jobRequest(overrides) as never),
        );
        assert.ok(out.jobArn);
        return out.jobArn;
    }

    async function get(jobArn: string): Promise<GetModelInvocationJobCommandOutput> {
        return h.bedrock.send(new GetModelInvocationJobCommand({ jobIdentifier: jobArn }));
    }

    it('runs Submitted..InProgress to Completed on the default timings', async () => {
        const jobArn = await submit(claudeRecords(300));
        assert.match(
            jobArn,
            /^arn:aws:bedrock:us-east-1:123456789012:model-invocation-job\/[a-z0-9]{12}$/,
        );
        let job = await get(jobArn);
        assert.equal(job.status, 'Submitted');
        assert.equal(job.totalRecordCount, 0);
        assert.equal(job.submitTime?.getTime(), START_MS);
        assert.equal(job.jobExpirationTime?.getTime(), START_MS + 24 * 60 * MINUTE);
        assert.equal(job.timeoutDurationInHours, 24);
        assert.equal(job.modelInvocationType, 'InvokeModel');

        await h.advance(30_000);
        job = await get(jobArn);
        assert.equal(job.status, 'Validating');
        assert.equal(job.totalRecordCount, 0);

        await h.advance(MINUTE);
        job = await get(jobArn);
        assert.equal(job.status, 'Scheduled');
        assert.equal(job.totalRecordCount, 300);
        assert.equal(job.processedRecordCount, 0);

        await h.advance(MINUTE);
        job = await get(jobArn);
        assert.equal(job.status, 'InProgress');

        await h.advance(MINUTE);
        job = await get(jobArn);
        assert.equal(job.status, 'InProgress');
        assert.equal(job.processedRecordCount, 100);
        assert.equal(job.successRecordCount, 100);

        await h.advance(2 * MINUTE);
        job = await get(jobArn);
        assert.equal(job.status, 'Completed');
        assert.equal(job.processedRecordCount, 300);
        assert.equal(job.endTime?.getTime(), START_MS + 30_000 + 5 * MINUTE);
        assert.equal(job.lastModifiedTime?.getTime(), job.endTime?.getTime());

        const id = jobIdOf(jobArn);
        const out = await readText(h, 'batch-out', `results/${id}/records.jsonl.out`);
        assert.ok(out !== undefined);
        assert.ok(out.endsWith('\n'));
        const lines = out.trimEnd().split('\n');
        assert.equal(lines.length, 300);
        const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
        assert.deepEqual(Object.keys(parsed[0] ?? {}), ['modelInput', 'modelOutput', 'recordId']);
        const ids = parsed.map((p) => p['recordId'] as string);
        assert.equal(new Set(ids).size, 300);
        assert.notDeepEqual(ids, [...ids].sort(), 'output order is not the input order');
        const first = parsed[0]?.['modelOutput'] as Record<string, unknown>;
        assert.equal(first['type'], 'message');
        assert.equal(first['model'], 'claude-3-haiku-20240307');
        assert.match(String(first['id']), /^msg_bdrk_01/);

        const manifest = await readText(h, 'batch-out', `results/${id}/manifest.json.out`);
        const m = JSON.parse(manifest ?? '{}') as Record<string, number>;
        assert.deepEqual(Object.keys(m), [
            'totalRecordCount',
            'processedRecordCount',
            'successRecordCount',
            'errorRecordCount',
            'inputTokenCount',
            'outputTokenCount',
        ]);
        assert.equal(m['totalRecordCount'], 300);
        assert.equal(m['processedRecordCount'], lines.length);
        assert.equal(m['successRecordCount'], 300);
        const usage = parsed.map(
            (p) => (p['modelOutput'] as { usage: Record<string, number> }).usage,
        );
        assert.equal(
            m['inputTokenCount'],
            usage.reduce((s, u) => s + (u['input_tokens'] ?? 0), 0),
        );
        assert.equal(
            m['outputTokenCount'],
            usage.reduce((s, u) => s + (u['output_tokens'] ?? 0), 0),
        );
        assert.equal(manifest, JSON.stringify(m), 'compact JSON without a trailing newline');
        assert.ok(
            lines.every((line) => JSON.stringify(JSON.parse(line)) === line),
            'compact lines',
        );
        const input = claudeRecords(300).trimEnd().split('\n');
        const echoed = new Map(parsed.map((p) => [p['recordId'], JSON.stringify(p['modelInput'])]));
        for (const line of input) {
            const record = JSON.parse(line) as { recordId: string; modelInput: unknown };
            assert.equal(echoed.get(record.recordId), JSON.stringify(record.modelInput));
        }
    });

    it('gives the same output for the same input (deterministic)', async () => {
        const a = await submit(claudeRecords(100));
        const b = await submit(claudeRecords(100));
        await h.advance(10 * MINUTE);
        const outA = await readText(h, 'batch-out', `results/${jobIdOf(a)}/records.jsonl.out`);
        const outB = await readText(h, 'batch-out', `results/${jobIdOf(b)}/records.jsonl.out`);
        const sorted = (text: string | undefined): string[] =>
            (text ?? '').trimEnd().split('\n').sort();
        assert.deepEqual(sorted(outA), sorted(outB));
    });

    it('writes an error object for records with a wrong body, and still completes', async () => {
        const jobArn = await submit(claudeRecords(120, { withVersion: false }));
        await h.advance(10 * MINUTE);
        const job = await get(jobArn);
        assert.equal(job.status, 'Completed');
        assert.equal(job.errorRecordCount, 120);
        assert.equal(job.successRecordCount, 0);
        const out = await readText(h, 'batch-out', `results/${jobIdOf(jobArn)}/records.jsonl.out`);
        const line = JSON.parse((out ?? '').split('\n')[0] ?? '{}') as Record<string, unknown>;
        assert.deepEqual(Object.keys(line), ['modelInput', 'error', 'recordId']);
        assert.deepEqual(line['error'], {
            errorCode: 400,
            errorMessage: 'anthropic_version: Field required',
        });
        const manifest = await readManifest(h, jobArn);
        assert.deepEqual(manifest, {
            totalRecordCount: 120,
            processedRecordCount: 120,
            successRecordCount: 0,
            errorRecordCount: 120,
            inputTokenCount: 0,
            outputTokenCount: 0,
        });
    });

    it('stops a running job: Stopping, then Stopped with the records done so far', async () => {
        const jobArn = await submit(claudeRecords(300));
        await h.advance(30_000 + 2 * MINUTE + 90_000);
        assert.equal((await get(jobArn)).status, 'InProgress');
        await h.bedrock.send(new StopModelInvocationJobCommand({ jobIdentifier: jobArn }));
        let job = await get(jobArn);
        assert.equal(job.status, 'Stopping');
        assert.equal(job.processedRecordCount, 150);
        await h.advance(30_000);
        job = await get(jobArn);
        assert.equal(job.status, 'Stopped');
        assert.equal(job.processedRecordCount, 150);
        const out = await readText(h, 'batch-out', `results/${jobIdOf(jobArn)}/records.jsonl.out`);
        assert.equal((out ?? '').trimEnd().split('\n').length, 150);
        const manifest = await readManifest(h, jobArn);
        assert.equal(manifest['totalRecordCount'], 300);
        assert.equal(manifest['processedRecordCount'], 150);
    });

    it('writes results while running: the records done by each whole minute', async () => {
        const jobArn = await submit(claudeRecords(300));
        const id = jobIdOf(jobArn);
        const outLines = async (): Promise<string[]> => {
            const text = await readText(h, 'batch-out', `results/${id}/records.jsonl.out`);
            return text === undefined ? [] : text.trimEnd().split('\n');
        };
        const manifestText = (): Promise<string | undefined> =>
            readText(h, 'batch-out', `results/${id}/manifest.json.out`);
        // Running from 2.5 minutes after submission, at 100 records a minute.
        await h.advance(30_000 + 2 * MINUTE);
        assert.equal((await get(jobArn)).status, 'InProgress');
        assert.deepEqual(await outLines(), []);
        await h.advance(30_000);
        let job = await get(jobArn);
        assert.equal(job.processedRecordCount, 50);
        const early = await outLines();
        assert.equal(early.length, 50);
        assert.equal(await manifestText(), undefined, 'no manifest while running');
        await h.advance(30_000);
        assert.equal((await get(jobArn)).processedRecordCount, 100);
        assert.equal((await outLines()).length, 50, 'written at whole minutes');
        await h.advance(30_000);
        job = await get(jobArn);
        assert.equal(job.status, 'InProgress');
        assert.equal(job.processedRecordCount, 150);
        const later = await outLines();
        assert.equal(later.length, 150);
        assert.deepEqual(later.slice(0, 50), early, 'lines are only ever appended');
        const records = later.map(
            (line) => JSON.parse(line) as { recordId: string; modelOutput: unknown },
        );
        assert.equal(new Set(records.map((r) => r.recordId)).size, 150);
        for (const record of records) {
            const number = Number(record.recordId.slice(4));
            const output = record.modelOutput as { content: Array<{ text: string }> };
            assert.equal(
                output.content[0]?.text,
                `[sandbox] Summary of item number ${number} in one line — simulated, not a model.`,
            );
        }
        await h.advance(20_000);
        await h.bedrock.send(new StopModelInvocationJobCommand({ jobIdentifier: jobArn }));
        assert.equal((await get(jobArn)).processedRecordCount, 183);
        await h.advance(30_000);
        job = await get(jobArn);
        assert.equal(job.status, 'Stopped');
        const final = await outLines();
        assert.equal(final.length, 183);
        assert.deepEqual(final.slice(0, 150), later);
        const manifest = JSON.parse((await manifestText()) ?? '{}') as Record<string, number>;
        assert.equal(manifest['processedRecordCount'], 183);
        assert.equal(manifest['totalRecordCount'], 300);
    });

    it('writes the same results whether the clock jumps or steps a minute at a time', async () => {
        const stepped = await submit(claudeRecords(250));
        for (let i = 0; i < 8; i += 1) {
            await h.advance(MINUTE);
        }
        const jumped = await submit(claudeRecords(250));
        await h.advance(8 * MINUTE);
        const text = (arn: string): Promise<string | undefined> =>
            readText(h, 'batch-out', `results/${jobIdOf(arn)}/records.jsonl.out`);
        assert.equal((await get(stepped)).status, 'Completed');
        assert.equal((await get(jumped)).status, 'Completed');
        const a = (await text(stepped)) ?? '';
        assert.equal(a.trimEnd().split('\n').length, 250);
        assert.deepEqual(a.split('\n').sort(), ((await text(jumped)) ?? '').split('\n').sort());
    });

    it('keeps the lines of a job failed while running, without a manifest', async () => {
        const jobArn = await submit(claudeRecords(300));
        await h.advance(30_000 + 2 * MINUTE + 45_000);
        await h.service.forceStatus(jobArn, 'Failed', 'Simulated outage.');
        const job = await get(jobArn);
        assert.equal(job.status, 'Failed');
        assert.equal(job.processedRecordCount, 75);
        const out = await readText(h, 'batch-out', `results/${jobIdOf(jobArn)}/records.jsonl.out`);
        assert.equal((out ?? '').trimEnd().split('\n').length, 75);
        assert.equal(
            await readText(h, 'batch-out', `results/${jobIdOf(jobArn)}/manifest.json.out`),
            undefined,
        );
    });

    it('ends a job forced to Expired while running like a cut-short one', async () => {
        const jobArn = await submit(claudeRecords(300));
        await h.advance(30_000 + 2 * MINUTE + 45_000);
        await h.service.forceStatus(jobArn, 'Expired');
        assert.equal((await get(jobArn)).status, 'Expired');
        const out = await readText(h, 'batch-out', `results/${jobIdOf(jobArn)}/records.jsonl.out`);
        assert.equal((out ?? '').trimEnd().split('\n').length, 75);
        const manifest = await readManifest(h, jobArn);
        assert.equal(manifest['processedRecordCount'], 75);
        assert.equal(manifest['successRecordCount'], 75);
    });

    it('refuses to stop a job that has ended, with ConflictException', async () => {
        const jobArn = await submit(claudeRecords(100));
        await h.advance(10 * MINUTE);
        await assert.rejects(
            h.bedrock.send(new StopModelInvocationJobCommand({ jobIdentifier: jobArn })),
            (err: Error) => err.name === 'ConflictException' && /Completed/.test(err.message),
        );
    });

    it('ends PartiallyCompleted when the timeout hits while running', async () => {
        await h.service.updateSettings({ recordsPerMinute: 0.1 });
        const jobArn = await submit(claudeRecords(300));
        await h.advance(24 * 60 * MINUTE);
        const job = await get(jobArn);
        assert.equal(job.status, 'PartiallyCompleted');
        assert.equal(job.endTime?.getTime(), START_MS + 24 * 60 * MINUTE);
        const done = Math.floor(((24 * 60 * MINUTE - 150_000) * 0.1) / MINUTE);
        assert.equal(job.processedRecordCount, done);
        const out = await readText(h, 'batch-out', `results/${jobIdOf(jobArn)}/records.jsonl.out`);
        assert.equal((out ?? '').trimEnd().split('\n').length, done);
        const manifest = await readManifest(h, jobArn);
        assert.equal(manifest['totalRecordCount'], 300);
        assert.equal(manifest['processedRecordCount'], done);
        assert.equal(manifest['successRecordCount'], done);
    });

    it('ends Expired when still queued at jobExpirationTime, with no output', async () => {
        await h.service.updateSettings({ scheduledMs: 48 * 60 * MINUTE });
        const jobArn = await submit(claudeRecords(100));
        await h.advance(24 * 60 * MINUTE);
        const job = await get(jobArn);
        assert.equal(job.status, 'Expired');
        assert.equal(job.processedRecordCount, 0);
        assert.equal(
            await readText(h, 'batch-out', `results/${jobIdOf(jobArn)}/manifest.json.out`),
            undefined,
        );
    });

    it('fails validation with a quota message when there are too few records', async () => {
        const jobArn = await submit(claudeRecords(99));
        await h.advance(2 * MINUTE);
        const job = await get(jobArn);
        assert.equal(job.status, 'Failed');
        assert.match(
            job.message ?? '',
            /99 records.*Minimum number of records per batch inference job.*\(100\)/,
        );
        assert.equal(job.modelId, HAIKU);
    });

    it('fails validation naming the line that is not JSON', async () => {
        const lines = claudeRecords(150).split('\n');
        lines[41] = '{"recordId": "broken", "modelInput": ';
        const jobArn = await submit(lines.join('\n'));
        await h.advance(2 * MINUTE);
        const job = await get(jobArn);
        assert.equal(job.status, 'Failed');
        assert.equal(
            job.message,
            'Invalid JSON in input file records.jsonl at line 42. ' +
                'Each line must be a valid JSON object.',
        );
    });
    it('fails on a non-object line, a missing modelInput, or too many records', async () => {
        const lines = claudeRecords(120).trimEnd().split('\n');
        const notObject = [...lines];
        notObject[9] = '[1, 2, 3]';
        const noInput = [...lines];
        noInput[19] = JSON.stringify({ recordId: 'x', prompt: 'flat body' });
        const a = await submit(notObject.join('\n'));
        await h.aws.s3.putObject('batch-in', 'b.jsonl', noInput.join('\n'));
        const b = await h.bedrock.send(
            new CreateModelInvocationJobCommand(
                jobRequest({ input: 's3://batch-in/b.jsonl' }) as never,
            ),
        );
        await h.service.updateSettings({ maxRecordsPerJob: 110 });
        await h.aws.s3.putObject('batch-in', 'c.jsonl', lines.join('\n'));
        const c = await h.bedrock.send(
            new CreateModelInvocationJobCommand(
                jobRequest({ input: 's3://batch-in/c.jsonl' }) as never,
            ),
        );
        await h.advance(2 * MINUTE);
        assert.equal(
            (await get(a)).message,
            'Line 10 of input file records.jsonl is not a JSON object.',
        );
        assert.equal(
            (await get(b.jobArn ?? '')).message,
            'Line 20 of input file b.jsonl is missing the required field modelInput.',
        );
        assert.match(
            (await get(c.jobArn ?? '')).message ?? '',
            /120 records, which exceeds the quota "Records per batch inference job" \(110\)/,
        );
    });

    it('reads each .jsonl under a prefix, one .out per file, ids unnamed records', async () => {
        const lines = claudeRecords(60)
            .trimEnd()
            .split('\n')
            .map((line) => {
                const record = JSON.parse(line) as Record<string, unknown>;
                delete record['recordId'];
                return JSON.stringify(record);
            });
        await h.aws.s3.putObject('batch-in', 'multi/a.jsonl', lines.join('\n'));
        await h.aws.s3.putObject('batch-in', 'multi/b.jsonl', `${claudeRecords(50)}\n\n`);
        await h.aws.s3.putObject('batch-in', 'multi/image.png', 'not input');
        const out = await h.bedrock.send(
            new CreateModelInvocationJobCommand(
                jobRequest({ input: 's3://batch-in/multi/' }) as never,
            ),
        );
        const jobArn = out.jobArn ?? '';
        await h.advance(10 * MINUTE);
        const job = await get(jobArn);
        assert.equal(job.status, 'Completed');
        assert.equal(job.totalRecordCount, 110);
        const a = ((await readText(h, 'batch-out', `results/${jobIdOf(jobArn)}/a.jsonl.out`)) ?? '')
            .trimEnd()
            .split('\n');
        const b = ((await readText(h, 'batch-out', `results/${jobIdOf(jobArn)}/b.jsonl.out`)) ?? '')
            .trimEnd()
            .split('\n');
        assert.equal(a.length, 60);
        assert.equal(b.length, 50);
        const ids = a.map((line) => (JSON.parse(line) as { recordId: string }).recordId);
        assert.ok(
            ids.every((id) => /^[A-Z0-9]{11}$/.test(id)),
            ids.slice(0, 3).join(),
        );
        assert.equal(new Set(ids).size, 60);
        assert.equal(
            await readText(h, 'batch-out', `results/${jobIdOf(jobArn)}/image.png.out`),
            undefined,
        );
    });

    it('fails when the input bucket does not exist, or holds no .jsonl file', async () => {
        const missing = await h.bedrock.send(
            new CreateModelInvocationJobCommand(
                jobRequest({ input: 's3://no-such-bucket/in.jsonl' }) as never,
            ),
        );
        const empty = await h.bedrock.send(
            new CreateModelInvocationJobCommand(
                jobRequest({ input: 's3://batch-in/nothing-here/' }) as never,
            ),
        );
        await h.advance(2 * MINUTE);
        const first = await get(missing.jobArn ?? '');
        assert.equal(first.status, 'Failed');
        assert.match(first.message ?? '', /input S3 bucket no-such-bucket/);
        assert.equal(first.endTime?.getTime(), START_MS + 90_000);
        assert.match(
            (await get(empty.jobArn ?? '')).message ?? '',
            /No input files with the \.jsonl extension were found at s3:\/\/batch-in\/nothing-here/,
        );
    });

    it('is driven by the /__local/bedrock control routes', async () => {
        const control = async (
            method: string,
            path: string,
            body?: unknown,
        ): Promise<Record<string, unknown>> => {
            const response = await fetch(`${h.aws.endpoint}${path}`, {
                method,
                headers: { 'content-type': 'application/json' },
                ...(body === undefined ? {} : { body: JSON.stringify(body) }),
            });
            const json = (await response.json()) as Record<string, unknown>;
            assert.equal(response.status, 200, JSON.stringify(json));
            return json;
        };
        const settings = await control('POST', '/__local/bedrock/settings', {
            recordsPerMinute: 1000,
            scheduledMs: 0,
        });
        assert.equal(settings['recordsPerMinute'], 1000);
        const a = await submit(claudeRecords(100));
        const b = await submit(claudeRecords(100));
        const done = await control(
            'POST',
            `/__local/bedrock/jobs/${encodeURIComponent(a)}/complete`,
        );
        assert.equal(done['status'], 'Completed');
        assert.equal(done['processedRecordCount'], 100);
        const failed = await control('POST', `/__local/bedrock/jobs/${jobIdOf(b)}/fail`, {
            message: 'Simulated outage.',
        });
        assert.equal(failed['status'], 'Failed');
        assert.equal((await get(b)).message, 'Simulated outage.');
        const listed = await control('GET', '/__local/bedrock/jobs');
        assert.deepEqual(
            (listed['jobs'] as Array<{ status: string }>).map((j) => j.status).sort(),
            ['Completed', 'Failed'],
        );
        h.aws.clock.advance(MINUTE);
        const ticked = await control('POST', '/__local/bedrock/tick');
        assert.equal(ticked['nowMs'], START_MS + MINUTE);
        const response = await fetch(
            `${h.aws.endpoint}/__local/bedrock/jobs/${jobIdOf(a)}/status`,
            {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ status: 'InProgress' }),
            },
        );
        assert.equal(response.status, 400, 'an ended job cannot be forced back');
    });
});
