import * as assert from 'node:assert/strict';
import { MAX_QUERY_LENGTH, parseViewMessage, parseViewState } from '../../../src/results/protocol';

describe('results/protocol', () => {
    it('accepts the messages the webview sends', () => {
        assert.deepEqual(parseViewMessage({ type: 'ready' }), { type: 'ready' });
        assert.deepEqual(
            parseViewMessage({ type: 'query', filter: 'problems', query: 'x', page: 2 }),
            { type: 'query', filter: 'problems', query: 'x', page: 2 },
        );
        assert.deepEqual(parseViewMessage({ type: 'open', position: 7 }), {
            type: 'open',
            position: 7,
        });
        assert.deepEqual(parseViewMessage({ type: 'export', format: 'csv' }), {
            type: 'export',
            format: 'csv',
        });
    });

    it('rejects malformed or unknown messages', () => {
        assert.equal(
            parseViewMessage({ type: 'query', filter: 'everything', query: '', page: 0 }),
            undefined,
        );
        assert.equal(parseViewMessage({ type: 'open', position: -1 }), undefined);
        assert.equal(parseViewMessage({ type: 'open', position: 1.5 }), undefined);
        assert.equal(parseViewMessage({ type: 'export', format: 'xlsx' }), undefined);
        assert.equal(parseViewMessage({ type: 'runShell' }), undefined);
        assert.equal(parseViewMessage('ready'), undefined);
    });

    it('cuts an overlong query', () => {
        const message = parseViewMessage({
            type: 'query',
            filter: 'all',
            query: 'q'.repeat(MAX_QUERY_LENGTH + 10),
            page: 0,
        });
        assert.equal(message?.type === 'query' ? message.query.length : 0, MAX_QUERY_LENGTH);
    });

    it('restores a saved state with defaults for what is missing', () => {
        assert.deepEqual(parseViewState({ folder: '/r', filter: 'bogus' }), {
            folder: '/r',
            filter: 'all',
            query: '',
            page: 0,
        });
        assert.equal(parseViewState({ filter: 'all' }), undefined);
    });
});
