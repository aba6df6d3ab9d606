import * as assert from 'node:assert/strict';
import { dashboardMessage } from '../../../src/metrics/dashboardMessage';

describe('metrics/dashboardMessage', () => {
    const base = { name: 'BedrockBatch-us-east-1', region: 'us-east-1', notes: [] };

    it('names the dashboard and region and offers the console on AWS', () => {
        assert.deepEqual(dashboardMessage({ ...base, existed: false, modelCount: 2 }), {
            text: 'Created CloudWatch dashboard "BedrockBatch-us-east-1" (2 models) in us-east-1.',
            action: 'Open in Console',
        });
        assert.equal(
            dashboardMessage({ ...base, existed: true, modelCount: 1 }).text,
            'Updated CloudWatch dashboard "BedrockBatch-us-east-1" (1 model) in us-east-1.',
        );
    });

    it('names a third-party endpoint without calling it local', () => {
        const message = dashboardMessage({
            ...base,
            existed: true,
            modelCount: 2,
            endpoint: 'https://cloudwatch.stand-in.example:4566',
            notes: [],
        });
        assert.equal(
            message.text,
            'Updated CloudWatch dashboard "BedrockBatch-us-east-1" (2 models) on the endpoint ' +
                'https://cloudwatch.stand-in.example:4566, region us-east-1. It is not in your ' +
                'AWS account, so the AWS console does not show it.',
        );
        assert.equal(message.action, undefined);
    });

    it('says a dashboard on a local endpoint is local, with no console button', () => {
        assert.deepEqual(
            dashboardMessage({
                ...base,
                existed: false,
                modelCount: 1,
                endpoint: 'http://127.0.0.1:4566',
                notes: ['widgets[1]: no data'],
            }),
            {
                text:
                    'Created CloudWatch dashboard "BedrockBatch-us-east-1" (1 model) on the local ' +
                    'endpoint http://127.0.0.1:4566, region us-east-1. It is not in your AWS ' +
                    'account, so the AWS console does not show it. ' +
                    'CloudWatch noted: widgets[1]: no data',
            },
        );
    });
});
