/** TagResource, UntagResource and ListTagsForResource for batch inference jobs. */
import { ConstraintViolations } from './constraints';
import { tagList } from './createRequest';
import { notFound, validationError } from './errors';
import type { Job } from './jobs';
import type { Caller } from './jobOperations';
import type { BedrockState } from './state';

const MAX_TAGS = 200;
const JOB_ARN = new RegExp(
    '^arn:aws(?:-[^:]+)?:bedrock:([a-z0-9-]+):([0-9]{12}):model-invocation-job/([a-z0-9]{12})$',
);

export class TagOperations {
    constructor(private readonly state: BedrockState) {}

    tag(caller: Caller, body: Record<string, unknown>): Record<string, never> {
        const v = new ConstraintViolations();
        const arn = resourceArn(v, body);
        v.required('tags', body['tags']);
        const tags = tagList(v, 'tags', body['tags']) ?? [];
        v.throwIfAny();
        const job = this.job(caller, arn);
        const merged = new Map(job.tags.map((t) => [t.key, t.value]));
        for (const tag of tags) {
            merged.set(tag.key, tag.value);
        }
        if (merged.size > MAX_TAGS) {
            throw validationError(`A resource can have at most ${MAX_TAGS} tags.`);
        }
        job.tags = [...merged].map(([key, value]) => ({ key, value }));
        return {};
    }

    untag(caller: Caller, body: Record<string, unknown>): Record<string, never> {
        const v = new ConstraintViolations();
        const arn = resourceArn(v, body);
        const keys = body['tagKeys'];
        if (v.required('tagKeys', keys) && !Array.isArray(keys)) {
            v.add('tagKeys', keys, 'Member must be a list');
        }
        v.throwIfAny();
        const job = this.job(caller, arn);
        const remove = new Set((keys as unknown[]).map((k) => String(k)));
        job.tags = job.tags.filter((t) => !remove.has(t.key));
        return {};
    }

    list(caller: Caller, body: Record<string, unknown>): Record<string, unknown> {
        const v = new ConstraintViolations();
        const arn = resourceArn(v, body);
        v.throwIfAny();
        return { tags: this.job(caller, arn).tags.map((t) => ({ ...t })) };
    }

    private job(caller: Caller, arn: string): Job {
        const match = JOB_ARN.exec(arn);
        const job =
            match === null || match[1] !== caller.region || match[2] !== caller.accountId
                ? undefined
                : this.state.scope(caller.accountId, caller.region).jobs.get(match[3] ?? '');
        if (job === undefined) {
            throw notFound(`The resource ${arn} was not found.`);
        }
        return job;
    }
}

function resourceArn(v: ConstraintViolations, body: Record<string, unknown>): string {
    const arn = body['resourceARN'];
    v.text('resourceARN', arn, { min: 20, max: 1011, required: true });
    return typeof arn === 'string' ? arn : '';
}
