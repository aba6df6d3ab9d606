import * as assert from 'node:assert/strict';
import {
    maxModels,
    parseOpenArgs,
    parsePersistedState,
    parseWebviewMessage,
} from '../../../src/metrics/panelState';
import { presetDraft } from '../../../src/metrics/alarmPresets';

const claude = 'anthropic.claude-3-haiku-20240307-v1:0';
const jobArn = 'arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/abcdefghijkl';

describe('Batch Metrics panel inputs', () => {
    it('reads the documented command argument', () => {
        assert.deepEqual(
            parseOpenArgs({ region: 'us-east-1', modelId: claude, jobArn, from: 1000, to: 5000 }),
            {
                region: 'us-east-1',
                modelIds: [claude],
                jobArn,
                range: { key: 'custom', from: 1000, to: 5000 },
            },
        );
        assert.deepEqual(parseOpenArgs({ from: 1000 }), { range: { key: 'custom', from: 1000 } });
        assert.deepEqual(parseOpenArgs(undefined), {});
        assert.deepEqual(parseOpenArgs('us-east-1'), {});
    });

    it('reads a job row whose fields are getters', () => {
        class Row {
            readonly region = 'us-west-2';
            get modelId(): string {
                return claude;
            }
            get jobArn(): string {
                return jobArn;
            }
            get from(): Date {
                return new Date(2000);
            }
            get to(): Date | undefined {
                return undefined;
            }
        }
        assert.deepEqual(parseOpenArgs(new Row()), {
            region: 'us-west-2',
            modelIds: [claude],
            jobArn,
            range: { key: 'custom', from: 2000 },
        });
    });

    it('takes Date bounds as well as epoch milliseconds', () => {
        assert.deepEqual(parseOpenArgs({ from: new Date(1000), to: new Date(5000) }).range, {
            key: 'custom',
            from: 1000,
            to: 5000,
        });
        assert.deepEqual(parseOpenArgs({ from: new Date(1000), to: undefined }).range, {
            key: 'custom',
            from: 1000,
        });
    });

    it('reads explorer nodes: a model node and a job node', () => {
        assert.deepEqual(parseOpenArgs({ region: 'eu-west-1', modelId: claude, jobs: [] }), {
            region: 'eu-west-1',
            modelIds: [claude],
        });
        assert.deepEqual(
            parseOpenArgs({ region: 'eu-west-1', job: { modelId: `us.${claude}`, jobArn } }),
            {
                region: 'eu-west-1',
                modelIds: [`us.${claude}`],
                jobArn,
            },
        );
    });

    it('restores only state it wrote', () => {
        assert.equal(parsePersistedState({ region: 'us-east-1' }), undefined);
        assert.equal(parsePersistedState(null), undefined);
        const models = Array.from({ length: 30 }, (_, i) => `m${i}`);
        const state = parsePersistedState({
            version: 1,
            paused: true,
            region: 'us-east-1',
            modelIds: [...models, 'm0', 7],
            range: { key: '1w' },
            tab: 2,
        });
        assert.equal(state?.paused, true);
        assert.equal(state?.modelIds.length, maxModels);
        assert.deepEqual(state?.range, { key: '1w' });
        assert.equal(
            parsePersistedState({ version: 1, modelIds: [], range: { key: 'forever' } })?.range.key,
            '3h',
        );
        assert.deepEqual(
            parsePersistedState({ version: 1, modelIds: [], range: { key: 'custom' } })?.range,
            { key: '3h' },
        );
    });

    it("accepts the protocol's messages and nothing else", () => {
        assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
        assert.deepEqual(parseWebviewMessage({ type: 'pause', paused: true }), {
            type: 'pause',
            paused: true,
        });
        assert.equal(parseWebviewMessage({ type: 'eval', code: '1' }), undefined);
        assert.equal(parseWebviewMessage({ type: 'deleteAlarm' }), undefined);
        assert.equal(parseWebviewMessage({ type: 'runInsights', query: 5 }), undefined);
        assert.equal(parseWebviewMessage('ready'), undefined);
    });

    it('accepts only the fixes the protocol names', () => {
        assert.deepEqual(parseWebviewMessage({ type: 'fix', action: 'configureProfile' }), {
            type: 'fix',
            action: 'configureProfile',
        });
        assert.deepEqual(parseWebviewMessage({ type: 'fix', action: 'copyLoginCommand' }), {
            type: 'fix',
            action: 'copyLoginCommand',
        });
        for (const action of ['workbench.action.terminal.new', 'toString', undefined, 1]) {
            assert.equal(parseWebviewMessage({ type: 'fix', action }), undefined, String(action));
        }
    });

    it('passes alarm drafts through with their fields and drops anything else', () => {
        const draft = presetDraft('highInputTokens', claude, '');
        assert.deepEqual(
            parseWebviewMessage({ type: 'createAlarm', draft: { ...draft, extra: 'x' } }),
            { type: 'createAlarm', draft },
        );
        assert.equal(
            parseWebviewMessage({ type: 'createAlarm', draft: { ...draft, threshold: '1' } }),
            undefined,
        );
        const stalled = presetDraft('stalledModel', claude, '');
        assert.deepEqual(parseWebviewMessage({ type: 'createAlarm', draft: stalled }), {
            type: 'createAlarm',
            draft: stalled,
        });
    });
});
