import * as assert from 'node:assert/strict';
import {
    boundedAnswer,
    simulatedAnswer,
} from '../../../../src/localAws/bedrock/simulator/simulatedAnswer';

describe('simulated answer text', () => {
    it('splits instruction and passage at a blank line, a lead-in, a line or a sentence', () => {
        assert.equal(
            simulatedAnswer('Describe the tone.\n\n"Call me Ishmael. Some years ago."\n(Melville)'),
            '[sandbox] Description of the tone: “Call me Ishmael.” — simulated, not a model.',
        );
        assert.equal(
            simulatedAnswer('Extract the names: Alice met Bob in Paris.'),
            '[sandbox] Extraction of the names: “Alice met Bob in Paris.” ' +
                '— simulated, not a model.',
        );
        assert.equal(
            simulatedAnswer('Rate this review from 1 to 5\nGreat   phone,\tbad battery.'),
            '[sandbox] Rating of this review from 1 to 5: “Great phone, bad battery.” ' +
                '— simulated, not a model.',
        );
        assert.equal(
            simulatedAnswer('Kindly proofread the text. Their going too the shop.'),
            '[sandbox] Proofreading of the text: “Their going too the shop.” ' +
                '— simulated, not a model.',
        );
    });

    it('quotes at most 20 words of the passage and 12 of the instruction, marking the cut', () => {
        const words = Array.from({ length: 30 }, (_, i) => `w${i + 1}`).join(' ');
        assert.equal(
            simulatedAnswer(`Summarise.\n\n${words}.`),
            `[sandbox] Summary: “${words.split(' ').slice(0, 20).join(' ')}…” ` +
                '— simulated, not a model.',
        );
        assert.equal(
            simulatedAnswer(
                'Why would anyone ever want to read a very long question like this one today?',
            ),
            '[sandbox] Answer to “Why would anyone ever want to read a very long question like…” ' +
                '— simulated, not a model.',
        );
    });

    it('is labelled even when empty, and never cuts a character in half', () => {
        assert.equal(
            simulatedAnswer('   '),
            '[sandbox] Response to a request without text — simulated, not a model.',
        );
        // 6 tokens are 24 characters; the 24th is the first half of the emoji.
        const emoji = boundedAnswer('🙂 are faces', 6);
        assert.equal(emoji.truncated, true);
        assert.equal(emoji.text, '[sandbox] Response to “');
        assert.equal(emoji.tokens, 6);
        assert.equal(boundedAnswer('🙂 are faces', 7).text, '[sandbox] Response to “🙂 ar');
        const roomy = boundedAnswer('Hello', 512);
        assert.deepEqual(roomy, {
            text: '[sandbox] Response to “Hello” — simulated, not a model.',
            tokens: Math.ceil(roomy.text.length / 4),
            truncated: false,
        });
    });
});
