import * as assert from 'node:assert/strict';
import { checkFiles, checkText } from '../../../src/checker/check';
import { RULES, type RuleCode } from '../../../src/checker/rules';
import type { CheckOptions } from '../../../src/checker/types';
import { BAD, optionsFor } from './corpusCases';
import { CLAUDE, fixturePath, fixtureText } from './fixtures';
import { claudeLine, claudeLines } from './tempFiles';

/** Inputs for the rules that need a whole job to fire (quotas, limits, model choice). */
const JOB_SCENARIOS: readonly (readonly [string, CheckOptions])[] = [
    [claudeLines(3).join('\n'), { modelId: CLAUDE }],
    [
        claudeLines(4).join('\n'),
        {
            modelId: CLAUDE,
            quotas: {
                maxRecordsPerFile: 2,
                maxRecordsPerJob: 2,
                maxFileBytes: 10,
                maxJobBytes: 10,
            },
        },
    ],
    [claudeLine('x', 'y'.repeat(500)), { modelId: CLAUDE, maxLineBytes: 100 }],
    [
        JSON.stringify({ modelInput: { inputText: 'x' } }),
        { modelId: 'amazon.titan-embed-text-v1', invocationType: 'Converse' },
    ],
];

describe('rule catalogue', () => {
    it('gives every rule a severity and a one-line description', () => {
        for (const [code, rule] of Object.entries(RULES)) {
            assert.match(code, /^[a-z0-9]+(-[a-z0-9]+)*$/, code);
            assert.ok(['error', 'warning', 'info'].includes(rule.severity), code);
            assert.ok(rule.description.length > 10 && rule.description.length <= 90, code);
            assert.ok(!rule.description.includes('\n'), code);
        }
    });

    it('has no rule that the corpus and the job scenarios never trigger', async () => {
        const seen = new Set<RuleCode>();
        for (const bad of BAD) {
            const options = optionsFor(bad.model ?? '', bad.invocationType);
            const result = await checkFiles([fixturePath(bad.file)], options);
            result.files[0]?.diagnostics.forEach((d) => seen.add(d.code));
        }
        for (const [text, options] of JOB_SCENARIOS) {
            for (const d of checkText(text, options).diagnostics) {
                seen.add(d.code);
            }
        }
        const tooFewSeen = checkText(fixtureText('bad/tooFewRecords.jsonl'), { modelId: CLAUDE });
        tooFewSeen.diagnostics.forEach((d) => seen.add(d.code));
        // These two need more than one file or 50,000 remembered ids: quotas.test.ts covers them.
        seen.add('file-no-records');
        seen.add('record-id-check-limited');
        const never = Object.keys(RULES).filter((code) => !seen.has(code as RuleCode));
        assert.deepEqual(never, []);
    });

    it('reports each diagnostic with the severity its rule declares', () => {
        const text = fixtureText('bad/claudeShape.jsonl');
        for (const d of checkText(text, { modelId: CLAUDE }).diagnostics) {
            assert.equal(d.severity, RULES[d.code].severity);
        }
    });
});
