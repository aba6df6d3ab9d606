import * as assert from 'node:assert/strict';
import { parseArgs, UsageError } from '../../../src/cli/args';

describe('parseArgs', () => {
    it('reads files and options in any order, with = or a separate value', () => {
        assert.deepEqual(
            parseArgs(['check', 'a.jsonl', '--model=us.amazon.nova-lite-v1:0', 'b.jsonl', '--json',
                '--invocation-type', 'Converse', '--min-records', '1000']),
            {
                command: 'check',
                files: ['a.jsonl', 'b.jsonl'],
                modelId: 'us.amazon.nova-lite-v1:0',
                invocationType: 'Converse',
                json: true,
                minRecords: 1000,
                maxDiagnostics: undefined,
            },
        );
    });

    it('treats everything after -- as a file', () => {
        const command = parseArgs(['check', '--', '--json']);
        assert.equal(command.command, 'check');
        assert.deepEqual(command.command === 'check' ? command.files : [], ['--json']);
    });

    it('shows help for help, -h and --help; no arguments at all is a usage error', () => {
        for (const argv of [['help'], ['-h'], ['check', 'x', '--help']]) {
            assert.deepEqual(parseArgs(argv), { command: 'help' });
        }
        assert.deepEqual(parseArgs([]), { command: 'missing' });
    });

    it('takes the invocation type in any letter case', () => {
        const command = parseArgs(['check', 'a.jsonl', '--invocation-type', 'converse']);
        assert.equal(command.command === 'check' ? command.invocationType : undefined, 'Converse');
    });

    it('takes model ids, inference profile ids and ARNs the API would accept', () => {
        for (const modelId of [
            'anthropic.claude-3-haiku-20240307-v1:0',
            'us.amazon.nova-lite-v1:0',
            'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-lite-v1:0',
        ]) {
            const command = parseArgs(['check', 'a.jsonl', '--model', modelId]);
            assert.equal(command.command === 'check' ? command.modelId : undefined, modelId);
        }
    });

    it('rejects what it does not understand', () => {
        const cases: [string[], RegExp][] = [
            [['lint', 'a.jsonl'], /unknown command "lint"/],
            [['check'], /at least one FILE/],
            [['check', 'a.jsonl', '--verbose'], /unknown option --verbose/],
            [['check', 'a.jsonl', '--model'], /--model needs a value/],
            [['check', 'a.jsonl', '--invocation-type', 'Batch'], /InvokeModel or Converse/],
            [['check', 'a.jsonl', '--min-records', 'ten'], /whole number/],
            [['check', 'a.jsonl', '--model', 'claude haiku'], /is not a model id/],
            [['check', 'a.jsonl', '--model', 'x'.repeat(3000)], /is not a model id/],
        ];
        for (const [argv, message] of cases) {
            assert.throws(() => parseArgs(argv), (error: unknown) => {
                return error instanceof UsageError && message.test(error.message);
            }, argv.join(' '));
        }
    });
});
