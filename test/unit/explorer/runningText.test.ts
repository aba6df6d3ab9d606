import * as assert from 'node:assert/strict';
import { jobContextValue } from '../../../src/explorer/contextValues';
import { runningText, runningTooltip } from '../../../src/explorer/runningText';
import { job } from './jobBuilder';

describe('runningText', () => {
    it('counts running jobs for the status bar, and hides at zero', () => {
        assert.equal(runningText(0), '');
        assert.equal(runningText(1), '$(sync~spin) 1 batch job');
        assert.equal(runningText(12), '$(sync~spin) 12 batch jobs');
    });

    it('lists the first jobs in the hover and counts the rest', () => {
        const running = Array.from({ length: 12 }, (_, i) => ({
            region: 'us-east-1',
            job: job({ jobName: `job-${i}`, status: 'InProgress' }),
        }));
        const lines = runningTooltip(running).split('\n');
        assert.equal(lines.length, 12);
        assert.equal(lines[1], 'job-0: In progress (us-east-1)');
        assert.equal(lines[11], 'and 2 more');
    });
});

describe('jobContextValue', () => {
    it('flags what the row menus need', () => {
        assert.equal(
            jobContextValue(job({ status: 'InProgress' })),
            'bedrockBatch:job:InProgress:stoppable',
        );
        assert.equal(jobContextValue(job({ status: 'Stopping' })), 'bedrockBatch:job:Stopping');
        assert.equal(
            jobContextValue(job({ status: 'Completed' })),
            'bedrockBatch:job:Completed:ended',
        );
    });

    it('matches the regexes package.json menus use', () => {
        const stoppable = /^bedrockBatch:job:.*:stoppable/;
        const ended = /^bedrockBatch:job:.*:ended/;
        assert.match(jobContextValue(job({ status: 'Scheduled' })), stoppable);
        assert.doesNotMatch(jobContextValue(job({ status: 'Failed' })), stoppable);
        assert.match(jobContextValue(job({ status: 'PartiallyCompleted' })), ended);
        assert.doesNotMatch(jobContextValue(job({ status: 'Validating' })), ended);
    });
});
