import type { Tag } from './jobFields';
import { prefillFromJob, regionOfJobArn, type JobPrefill } from './jobPrefill';
import type { AwsAccess } from './pinnedConnection';

/**
 * A previous job's settings (GetModelInvocationJob) and tags (ListTagsForResource). Without
 * bedrock:ListTagsForResource the tags are left empty rather than failing the whole read.
 */
export async function readPreviousJob(access: AwsAccess, jobArn: string): Promise<JobPrefill> {
    const region = regionOfJobArn(jobArn);
    if (region === undefined) {
        throw new Error(`${jobArn} is not the ARN of a batch inference job`);
    }
    const sdk = access.aws.sdk();
    const client = access.aws.bedrock(region);
    const job = await client.send(new sdk.GetModelInvocationJobCommand({ jobIdentifier: jobArn }));
    let tags: Tag[] | undefined;
    try {
        const listed = await client.send(
            new sdk.ListTagsForResourceCommand({ resourceARN: jobArn }),
        );
        tags = (listed.tags ?? []).flatMap((tag) =>
            tag.key === undefined ? [] : [{ key: tag.key, value: tag.value ?? '' }],
        );
    } catch (error) {
        access.log.warn(`Could not read the tags of ${jobArn}: ${String(error)}`);
    }
    const prefill = prefillFromJob(jobArn, region, job, tags);
    if (prefill === undefined) {
        throw new Error(`Bedrock returned no model for ${jobArn}`);
    }
    return prefill;
}
