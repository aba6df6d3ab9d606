import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import type { AwsClients } from '../aws/clients';

export interface JobQuery {
    /** Only jobs submitted after this time. */
    readonly submittedAfter?: Date;
    readonly nameContains?: string;
}

/** Every page of ListModelInvocationJobs for one region, newest first. */
export async function listRegionJobs(
    aws: AwsClients,
    region: string,
    query: JobQuery,
): Promise<ModelInvocationJobSummary[]> {
    const sdk = aws.sdk();
    const pages = sdk.paginateListModelInvocationJobs(
        { client: aws.bedrock(region), pageSize: 1000 },
        {
            sortBy: 'CreationTime',
            sortOrder: 'Descending',
            ...(query.submittedAfter === undefined ? {} : { submitTimeAfter: query.submittedAfter }),
            ...(query.nameContains === undefined ? {} : { nameContains: query.nameContains }),
        },
    );
    const jobs: ModelInvocationJobSummary[] = [];
    for await (const page of pages) {
        jobs.push(...(page.invocationJobSummaries ?? []));
    }
    return jobs;
}
