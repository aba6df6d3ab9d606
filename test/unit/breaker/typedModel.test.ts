import * as assert from 'node:assert/strict';
import { classifyTyped, type ListedModel } from '../../../src/submit/typedModel';

const listed: ListedModel[] = [
    { id: 'amazon.nova-lite-v1:0', label: 'amazon.nova-lite-v1:0', description: 'Nova Lite' },
    {
        id: 'us.anthropic.claude-3-haiku-20240307-v1:0',
        label: 'us.anthropic.claude-3-haiku-20240307-v1:0',
        description: 'cross-region profile',
    },
];

function problemOf(typed: string): string {
    const result = classifyTyped(typed, listed, true, 'us-east-1');
    return result.kind === 'invalid' ? result.problem : `(${result.kind})`;
}

describe('breaker/typed model ids', () => {
    it('trims whitespace around an id but refuses whitespace inside it', () => {
        assert.deepEqual(classifyTyped('  amazon.nova-lite-v1:0 \t', listed, true, 'us-east-1'), {
            kind: 'none',
        });
        assert.equal(classifyTyped('amazon. nova-pro', listed, true, 'us-east-1').kind, 'invalid');
    });

    it('keeps the problem of a very long text short', () => {
        const problem = problemOf('x'.repeat(100_000));
        assert.ok(problem.length < 300, `${problem.length} characters`);
        assert.match(problem, /is not a model id, inference profile id or model ARN/);
    });

    it('offers the ARN of a listed model in the same region without a warning', () => {
        const id = 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0';
        assert.deepEqual(classifyTyped(id, listed, true, 'us-east-1'), {
            kind: 'listedArn',
            id,
            listedId: 'amazon.nova-lite-v1:0',
        });
    });

    it("refuses a model ARN of another region or partition than the job's", () => {
        const other = 'arn:aws:bedrock:eu-west-1::foundation-model/amazon.nova-lite-v1:0';
        assert.equal(
            problemOf(other),
            `${other} is in eu-west-1; a batch job in us-east-1 takes models and profiles of ` +
                'us-east-1.',
        );
        assert.match(
            problemOf('arn:aws-cn:bedrock:cn-north-1::foundation-model/amazon.nova-lite-v1:0'),
            /is in cn-north-1; a batch job in us-east-1/,
        );
        const profile =
            'arn:aws:bedrock:eu-west-1:123456789012:application-inference-profile/abc123def456';
        assert.match(problemOf(profile), /is in eu-west-1/);
    });

    it('takes an application inference profile ARN of the region as an unlisted id', () => {
        const id = 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3';
        assert.deepEqual(classifyTyped(id, listed, true, 'us-east-1'), {
            kind: 'unlisted',
            id,
            listChecked: true,
        });
    });

    it('does not take $(icon) text for an id', () => {
        assert.equal(classifyTyped('$(zap) claude', listed, true, 'us-east-1').kind, 'invalid');
        assert.equal(classifyTyped('$(zap).x', listed, true, 'us-east-1').kind, 'invalid');
    });
});
