import * as assert from 'node:assert/strict';
import { selectedModelsText } from '../../../src/metrics/selectionText';

const claude = 'anthropic.claude-3-haiku-20240307-v1:0';

describe('chosen models line', () => {
    it('names one or a few models in full', () => {
        assert.equal(selectedModelsText([claude]), claude);
        assert.equal(
            selectedModelsText([claude, 'amazon.nova-lite-v1:0']),
            `${claude}, amazon.nova-lite-v1:0`,
        );
    });

    it('names the first three and counts the rest', () => {
        assert.equal(selectedModelsText(['a', 'b', 'c']), 'a, b, c');
        assert.equal(selectedModelsText(['a', 'b', 'c', 'd', 'e']), 'a, b, c and 2 more');
    });

    it('says when no model is chosen', () => {
        assert.equal(selectedModelsText([]), 'No model chosen');
    });
});
