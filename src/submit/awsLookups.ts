/**
 * The AWS reads and writes the submit wizard needs: models, roles, buckets, the caller's account,
 * and creating a service role or a bucket when the user asks for one.
 */
import type { FoundationModelSummary, InferenceProfileSummary } from '@aws-sdk/client-bedrock';
import type { BucketLocationConstraint } from '@aws-sdk/client-s3';
import { buildModelChoices, type ModelChoice } from './modelChoices';
import type { AwsAccess } from './pinnedConnection';
import { trustsBedrock } from './serviceRole';

export async function listModelChoices(
    ctx: AwsAccess,
    region: string,
    recent: readonly string[],
): Promise<ModelChoice[]> {
    const sdk = ctx.aws.sdk();
    const client = ctx.aws.bedrock(region);
    const foundation = client.send(new sdk.ListFoundationModelsCommand({}));
    const profiles: InferenceProfileSummary[] = [];
    for (const typeEquals of ['SYSTEM_DEFINED', 'APPLICATION'] as const) {
        try {
            for await (const page of sdk.paginateListInferenceProfiles(
                { client },
                { typeEquals },
            )) {
                profiles.push(...(page.inferenceProfileSummaries ?? []));
            }
        } catch (error) {
            // Profiles are optional; a caller without ListInferenceProfiles still sees base models.
            ctx.log.warn(
                `ListInferenceProfiles (${typeEquals}) in ${region} failed: ${String(error)}`,
            );
        }
    }
    const models: FoundationModelSummary[] = (await foundation).modelSummaries ?? [];
    const unique = new Map(profiles.map((p) => [p.inferenceProfileArn ?? p.inferenceProfileId, p]));
    return buildModelChoices(models, [...unique.values()], recent);
}

export interface RoleChoice {
    readonly arn: string;
    readonly name: string;
    readonly description?: string;
}

/** Roles whose trust policy lets Bedrock assume them. */
export async function listServiceRoles(ctx: AwsAccess): Promise<RoleChoice[]> {
    const sdk = ctx.aws.sdk();
    const roles: RoleChoice[] = [];
    for await (const page of sdk.paginateListRoles({ client: ctx.aws.iam() }, {})) {
        for (const role of page.Roles ?? []) {
            if (
                role.Arn !== undefined &&
                role.RoleName !== undefined &&
                trustsBedrock(role.AssumeRolePolicyDocument)
            ) {
                roles.push({
                    arn: role.Arn,
                    name: role.RoleName,
                    ...(role.Description ? { description: role.Description } : {}),
                });
            }
        }
    }
    return roles.sort((a, b) => a.name.localeCompare(b.name));
}

export interface BucketChoice {
    readonly name: string;
    readonly region?: string;
}

export async function listBuckets(ctx: AwsAccess, region: string): Promise<BucketChoice[]> {
    const sdk = ctx.aws.sdk();
    const buckets: BucketChoice[] = [];
    for await (const page of sdk.paginateListBuckets({ client: ctx.aws.s3(region) }, {})) {
        for (const bucket of page.Buckets ?? []) {
            if (bucket.Name !== undefined) {
                buckets.push({
                    name: bucket.Name,
                    ...(bucket.BucketRegion ? { region: bucket.BucketRegion } : {}),
                });
            }
        }
    }
    // The job's region first: Bedrock reads input from a bucket in the job's region.
    return buckets.sort(
        (a, b) =>
            Number(b.region === region) - Number(a.region === region) ||
            a.name.localeCompare(b.name),
    );
}

export interface CallerIdentity {
    readonly account: string;
    readonly arn: string;
}

export async function callerIdentity(ctx: AwsAccess, region: string): Promise<CallerIdentity> {
    const sdk = ctx.aws.sdk();
    const identity = await ctx.aws.sts(region).send(new sdk.GetCallerIdentityCommand({}));
    if (identity.Account === undefined || identity.Arn === undefined) {
        throw new Error('STS GetCallerIdentity returned no account');
    }
    return { account: identity.Account, arn: identity.Arn };
}

export async function createServiceRole(
    ctx: AwsAccess,
    roleName: string,
    trustPolicy: string,
    s3Policy: string,
): Promise<string> {
    const sdk = ctx.aws.sdk();
    const iam = ctx.aws.iam();
    const created = await iam.send(
        new sdk.CreateRoleCommand({
            RoleName: roleName,
            AssumeRolePolicyDocument: trustPolicy,
            Description:
                'Lets Amazon Bedrock batch inference read job input from and write output to S3.',
        }),
    );
    await iam.send(
        new sdk.PutRolePolicyCommand({
            RoleName: roleName,
            PolicyName: 'BedrockBatchS3Access',
            PolicyDocument: s3Policy,
        }),
    );
    const arn = created.Role?.Arn;
    if (arn === undefined) {
        throw new Error(`IAM created ${roleName} but returned no ARN`);
    }
    return arn;
}

export type BucketState = 'exists' | 'missing' | 'unknown';

/** HeadBucket: missing on 404; unknown when the caller may not look (the upload then decides). */
export async function bucketState(
    ctx: AwsAccess,
    region: string,
    bucket: string,
): Promise<BucketState> {
    const sdk = ctx.aws.sdk();
    try {
        await ctx.aws.s3(region).send(new sdk.HeadBucketCommand({ Bucket: bucket }));
        return 'exists';
    } catch (error) {
        const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
        if (
            e.name === 'NotFound' ||
            e.name === 'NoSuchBucket' ||
            e.$metadata?.httpStatusCode === 404
        ) {
            return 'missing';
        }
        if (e.$metadata?.httpStatusCode === 403 || e.$metadata?.httpStatusCode === 301) {
            return 'unknown';
        }
        throw error;
    }
}

export async function createBucket(ctx: AwsAccess, region: string, bucket: string): Promise<void> {
    const sdk = ctx.aws.sdk();
    await ctx.aws.s3(region).send(
        new sdk.CreateBucketCommand({
            Bucket: bucket,
            // us-east-1 is the one region that must not be named as a location constraint.
            ...(region === 'us-east-1'
                ? {}
                : {
                      CreateBucketConfiguration: {
                          LocationConstraint: region as BucketLocationConstraint,
                      },
                  }),
        }),
    );
}
