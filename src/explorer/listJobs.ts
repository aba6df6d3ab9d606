import type { BedrockClient, ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import type { AwsSdk } from '../aws/loadSdk';

/** The part of AwsClients listing needs, so the bench can drive it outside VS Code. */
export interface BedrockAccess {
    bedrock(region: string): BedrockClient;
    sdk(): AwsSdk;
}

/** The service's largest page: 1,000 jobs a region usually come in one request. */
const pageSize = 1000;

/** Every page of ListModelInvocationJobs for one region, newest first. */
export async function listRegionJobs(
    aws: BedrockAccess,
    region: string,
    submittedAfter: Date | undefined,
): Promise<ModelInvocationJobSummary[]> {
    const pages = aws.sdk().paginateListModelInvocationJobs(
        { client: aws.bedrock(region), pageSize },
        {
            sortBy: 'CreationTime',
            sortOrder: 'Descending',
            ...(submittedAfter === undefined ? {} : { submitTimeAfter: submittedAfter }),
        },
    );
    const jobs: ModelInvocationJobSummary[] = [];
    for await (const page of pages) {
        jobs.push(...(page.invocationJobSummaries ?? []));
    }
    return jobs;
}

/** GetModelInvocationJob as a summary: the answer has the same fields plus request metadata. */
export async function getJob(
    aws: BedrockAccess,
    region: string,
    jobArn: string,
): Promise<ModelInvocationJobSummary> {
    const sdk = aws.sdk();
    const answer = await aws
        .bedrock(region)
        .send(new sdk.GetModelInvocationJobCommand({ jobIdentifier: jobArn }));
    const job: Partial<typeof answer> = { ...answer };
    delete job.$metadata;
    return job as ModelInvocationJobSummary;
}

export async function stopJob(aws: BedrockAccess, region: string, jobArn: string): Promise<void> {
    const sdk = aws.sdk();
    await aws
        .bedrock(region)
        .send(new sdk.StopModelInvocationJobCommand({ jobIdentifier: jobArn }));
}
