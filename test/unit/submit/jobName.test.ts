import * as assert from 'node:assert/strict';
import {
    generateJobName,
    JOB_NAME_PATTERN,
    jobNameProblem,
    timeStamp,
} from '../../../src/submit/jobName';

const when = new Date('2024-03-07T15:45:01.123Z');

function assertAccepted(name: string): void {
    assert.equal(jobNameProblem(name), undefined, `${name} should be valid`);
    assert.ok(name.length <= 63);
    assert.match(name, JOB_NAME_PATTERN);
}

describe('jobNameProblem', () => {
    it('accepts names the API pattern accepts', () => {
        for (const name of ['a', 'calls-2024', 'v1.2+fix', 'A-b--c', 'x'.repeat(63)]) {
            assert.equal(jobNameProblem(name), undefined, name);
        }
    });

    it('rejects 64 characters even though the pattern alone would allow them', () => {
        assert.match(
            jobNameProblem('x'.repeat(64)) ?? '',
            /at most 63 characters \(this one has 64\)/,
        );
    });

    it('says which character is not allowed', () => {
        assert.match(jobNameProblem('my job') ?? '', /spaces are not allowed/);
        assert.match(jobNameProblem('my_job') ?? '', /"_" is not allowed/);
        assert.match(jobNameProblem('job:1') ?? '', /":" is not allowed/);
    });

    it('requires a letter or digit first', () => {
        assert.match(jobNameProblem('-job') ?? '', /starts with a letter or a digit/);
        assert.match(jobNameProblem('') ?? '', /Enter a job name/);
    });
});

describe('generateJobName', () => {
    it('joins the file stem and a UTC time stamp', () => {
        assert.equal(timeStamp(when), '20240307-154501');
        assert.equal(generateJobName('calls.jsonl', when), 'calls-20240307-154501');
    });

    it('sanitises spaces, underscores, accents and other characters', () => {
        const name = generateJobName('Résumé files_2024 (final)=v2.jsonl', when);
        assert.equal(name, 'Resume-files-2024-final-v2-20240307-154501');
        assertAccepted(name);
    });

    it('drops leading symbols and falls back when nothing usable is left', () => {
        assert.equal(generateJobName('__data.jsonl', when), 'data-20240307-154501');
        assert.equal(generateJobName('日本語.jsonl', when), 'batch-20240307-154501');
        assertAccepted(generateJobName('日本語.jsonl', when));
    });

    it('cuts long stems so the name stays within 63 characters', () => {
        const name = generateJobName(`${'long-name-'.repeat(10)}.jsonl`, when);
        assert.equal(name.length <= 63, true);
        assert.ok(name.endsWith('-20240307-154501'));
        assert.ok(!name.includes('--'));
        assertAccepted(name);
    });
});
