import * as assert from 'node:assert/strict';
import { allStatuses } from '../../../src/explorer/jobStatus';
import { statusLabel } from '../../../src/explorer/jobText';
import { statusStyle } from '../../../src/explorer/statusStyle';

describe('statusStyle', () => {
    it('gives each of the ten statuses its own icon', () => {
        const icons = allStatuses.map((status) => statusStyle(status).icon);
        assert.equal(allStatuses.length, 10);
        assert.equal(new Set(icons).size, 10, icons.join(', '));
    });

    it('gives each of the ten statuses its own theme colour', () => {
        const colors = allStatuses.map((status) => statusStyle(status).color);
        assert.equal(new Set(colors).size, 10, colors.join(', '));
    });

    it('does not show Scheduled like Validating', () => {
        assert.notDeepEqual(statusStyle('Scheduled'), statusStyle('Validating'));
        assert.notEqual(statusLabel('Scheduled'), statusLabel('Validating'));
    });

    it('spins only for the running job', () => {
        const spinning = allStatuses.filter((status) => statusStyle(status).icon.endsWith('~spin'));
        assert.deepEqual(spinning, ['InProgress']);
    });

    it('marks success and failure with the testing colours', () => {
        assert.deepEqual(statusStyle('Completed'), {
            icon: 'pass-filled',
            color: 'testing.iconPassed',
        });
        assert.deepEqual(statusStyle('Failed'), { icon: 'error', color: 'testing.iconFailed' });
    });

    it('shows an unknown status as a question, not as any known one', () => {
        const unknown = statusStyle('Paused');
        assert.equal(unknown.icon, 'question');
        assert.deepEqual(statusStyle(undefined), unknown);
        assert.ok(allStatuses.every((status) => statusStyle(status).icon !== 'question'));
    });
});
