import * as assert from 'node:assert/strict';
import { buildResultIndex, type ResultIndex } from '../../../src/results/resultIndex';
import { searchRecords } from '../../../src/results/recordSearch';
import { mixed } from './fixturePaths';

describe('results/recordSearch', () => {
    let index: ResultIndex;
    const ids = (positions: readonly number[]): (string | undefined)[] =>
        positions.map((p) => index.records[p]?.recordId);
    const all = (): boolean => true;

    before(async () => {
        index = await buildResultIndex({ outputFiles: [mixed.output], inputFiles: [mixed.input] });
    });

    it('finds records by output text, case-insensitively', async () => {
        assert.deepEqual(ids(await searchRecords(index, 'THURSDAY', all)), ['rec-003']);
    });

    it('finds records by input text, missing ones included', async () => {
        assert.deepEqual(ids(await searchRecords(index, 'synonym', all)), ['rec-007']);
        assert.deepEqual(ids(await searchRecords(index, 'haïku', all)), ['rec-004']);
    });

    it('finds records by id and by error message', async () => {
        assert.deepEqual(ids(await searchRecords(index, 'rec-00', all)).length, 8);
        assert.deepEqual(ids(await searchRecords(index, 'anthropic_version] not found', all)), [
            'rec-002',
            'rec-005',
        ]);
    });

    it('searches only within the records a filter keeps', async () => {
        const failed = (p: number): boolean => index.records[p]?.status === 'failed';
        assert.deepEqual(ids(await searchRecords(index, 'prime', failed)), ['rec-006']);
        assert.deepEqual(ids(await searchRecords(index, 'Thursday', failed)), []);
    });

    it('returns every kept record for an empty query', async () => {
        assert.equal((await searchRecords(index, '  ', all)).length, index.records.length);
    });
});
