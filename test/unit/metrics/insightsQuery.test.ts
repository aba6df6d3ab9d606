import * as assert from 'node:assert/strict';
import {
    defaultInsightsQuery,
    insightsQueryProblems,
    modelCondition,
    quoteLabelValue,
    withModelFilter,
} from '../../../src/metrics/insightsQuery';

const claude = 'anthropic.claude-3-haiku-20240307-v1:0';

describe('Metrics Insights queries', () => {
    it('starts from input tokens per model over the batch namespace', () => {
        assert.equal(
            defaultInsightsQuery,
            'SELECT AVG(NumberOfInputTokensProcessedPerMinute) ' +
                'FROM SCHEMA("AWS/Bedrock/Batch", ModelId) GROUP BY ModelId',
        );
        assert.deepEqual(insightsQueryProblems(defaultInsightsQuery), []);
    });

    it('quotes label values with backslash escapes', () => {
        assert.equal(quoteLabelValue(claude), `'${claude}'`);
        assert.equal(quoteLabelValue("it's"), "'it\\'s'");
        assert.equal(quoteLabelValue('a\\b'), "'a\\\\b'");
    });

    it('filters on one model with = and on several with IN', () => {
        assert.equal(modelCondition([claude]), `ModelId = '${claude}'`);
        assert.equal(modelCondition(['a', "b'c"]), "ModelId IN ('a', 'b\\'c')");
        assert.equal(modelCondition([]), undefined);
    });

    it('puts the WHERE clause before GROUP BY', () => {
        assert.equal(
            withModelFilter(defaultInsightsQuery, [claude]),
            'SELECT AVG(NumberOfInputTokensProcessedPerMinute) ' +
                'FROM SCHEMA("AWS/Bedrock/Batch", ModelId) ' +
                `WHERE ModelId = '${claude}' GROUP BY ModelId`,
        );
    });

    it('adds to an existing WHERE and appends when there is no tail', () => {
        assert.equal(
            withModelFilter(
                'SELECT MAX(X) FROM "AWS/Bedrock/Batch" WHERE A = \'1\' ' +
                    'ORDER BY MAX() DESC LIMIT 5',
                ['m'],
            ),
            'SELECT MAX(X) FROM "AWS/Bedrock/Batch" ' +
                "WHERE A = '1' AND ModelId = 'm' ORDER BY MAX() DESC LIMIT 5",
        );
        assert.equal(
            withModelFilter('SELECT MAX(X) FROM "AWS/Bedrock/Batch"  ', ['m']),
            'SELECT MAX(X) FROM "AWS/Bedrock/Batch" WHERE ModelId = \'m\'',
        );
    });

    it('is not fooled by keywords inside quoted values', () => {
        const query =
            'SELECT MAX(X) FROM "AWS/Bedrock/Batch" WHERE ModelId = \'group by where\' LIMIT 3';
        assert.equal(
            withModelFilter(query, ['m']),
            'SELECT MAX(X) FROM "AWS/Bedrock/Batch" ' +
                "WHERE ModelId = 'group by where' AND ModelId = 'm' LIMIT 3",
        );
    });

    it('catches queries certain to fail', () => {
        assert.deepEqual(insightsQueryProblems('  '), ['Enter a query.']);
        assert.match(insightsQueryProblems('AVG(m1)').join(' '), /starts with SELECT/);
        assert.match(insightsQueryProblems('SELECT AVG(X)').join(' '), /FROM clause/);
        assert.match(
            insightsQueryProblems('SELECT AVG(X) FROM SCHEMA(AWS/Bedrock/Batch, ModelId)').join(
                ' ',
            ),
            /must be in double quotes: "AWS\/Bedrock\/Batch"/,
        );
        assert.match(
            insightsQueryProblems('SELECT AVG(X) FROM "N" WHERE ModelId = \'open').join(' '),
            /not closed/,
        );
        assert.match(insightsQueryProblems('SELECT AVG(X FROM "N"').join(' '), /parentheses/);
        assert.match(
            insightsQueryProblems(`SELECT AVG(X) FROM "N" WHERE A = '${'x'.repeat(2100)}'`).join(
                ' ',
            ),
            /limit is 2048/,
        );
    });

    it('accepts parentheses and quotes inside quoted values', () => {
        assert.deepEqual(
            insightsQueryProblems("SELECT AVG(X) FROM \"N\" WHERE ModelId = 'a(b\\'c'"),
            [],
        );
    });
});
