/**
 * What a new sandbox holds before the user does anything: the bucket the submit wizard offers
 * and the service role Bedrock would assume, with the trust and S3 policies a real account
 * needs. Written straight into the endpoint's stores; no request leaves the process.
 */
import type { LocalAws } from '../localAws';
import { bedrockTrustPolicy, s3AccessPolicy } from '../submit/serviceRole';

export const sandboxBucket = 'bedrock-batch-sandbox';
export const sandboxRoleName = 'BedrockBatchServiceRole';
const s3PolicyName = 'BedrockBatchS3Access';

export interface SeededSandbox {
    readonly bucket: string;
    readonly roleArn: string;
}

/**
 * Creates the bucket and the role unless they exist (the local IAM may already hold a role of
 * that name); safe to run on a seeded endpoint.
 */
export async function seedSandbox(local: LocalAws): Promise<SeededSandbox> {
    if (!local.s3.hasBucket(sandboxBucket)) {
        await local.s3.createBucket(sandboxBucket, local.region);
    }
    const roles = local.iamRoles();
    if (roles === undefined) {
        throw new Error('the sandbox endpoint serves no IAM, so it cannot hold the service role');
    }
    let role = roles.find(sandboxRoleName);
    if (role === undefined) {
        role = roles.create({
            roleName: sandboxRoleName,
            path: '/service-role/',
            assumeRolePolicyDocument: bedrockTrustPolicy('aws', local.accountId, local.region),
            description: 'Lets Bedrock read batch input from and write output to the sandbox',
        });
        const access = { inputBucket: sandboxBucket, outputBucket: sandboxBucket };
        const policy = s3AccessPolicy('aws', local.accountId, access);
        roles.putPolicy(sandboxRoleName, s3PolicyName, policy);
    }
    return { bucket: sandboxBucket, roleArn: role.arn };
}
