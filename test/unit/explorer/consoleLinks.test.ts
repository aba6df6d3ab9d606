import * as assert from 'node:assert/strict';
import { batchConsoleUrl, isObjectKey, s3ConsoleUrl } from '../../../src/explorer/consoleLinks';

/** The parts of a console URL a test cares about; the URL itself is never opened. */
function parts(url: string) {
    const parsed = new URL(url);
    return {
        protocol: parsed.protocol,
        host: parsed.host,
        path: parsed.pathname,
        query: Object.fromEntries(parsed.searchParams),
        hash: parsed.hash,
    };
}

describe('consoleLinks', () => {
    it('opens the Bedrock batch inference page of the region', () => {
        assert.deepEqual(parts(batchConsoleUrl('eu-west-3')), {
            protocol: 'https:',
            host: 'eu-west-3.console.aws.amazon.com',
            path: '/bedrock/home',
            query: { region: 'eu-west-3' },
            hash: '#/batch-inference',
        });
    });

    it("uses the console of the region's partition", () => {
        assert.equal(parts(batchConsoleUrl('us-gov-west-1')).host, 'console.amazonaws-us-gov.com');
        assert.equal(parts(batchConsoleUrl('cn-north-1')).host, 'console.amazonaws.cn');
    });

    it('opens a .jsonl input as an object and anything else as a folder', () => {
        const object = parts(
            s3ConsoleUrl({ bucket: 'in', key: 'batches/day 1/records.jsonl' }, 'us-east-1'),
        );
        assert.equal(object.host, 's3.console.aws.amazon.com');
        assert.equal(object.path, '/s3/object/in');
        assert.deepEqual(object.query, {
            region: 'us-east-1',
            prefix: 'batches/day 1/records.jsonl',
        });

        const folder = parts(
            s3ConsoleUrl({ bucket: 'out', key: 'results/abc123def456' }, 'us-west-2'),
        );
        assert.equal(folder.path, '/s3/buckets/out');
        assert.deepEqual(folder.query, {
            region: 'us-west-2',
            prefix: 'results/abc123def456/',
            showversions: 'false',
        });

        const root = parts(s3ConsoleUrl({ bucket: 'out', key: '' }, 'us-west-2'));
        assert.equal(root.query['prefix'], '');
    });

    it('tells files from folders', () => {
        assert.equal(isObjectKey('a/b.jsonl'), true);
        assert.equal(isObjectKey('a/B.JSONL'), true);
        assert.equal(isObjectKey('a/b/'), false);
        assert.equal(isObjectKey('a/b'), false);
        assert.equal(isObjectKey(''), false);
    });
});
