/**
 * The service role Bedrock assumes to read the input and write the output: recognising roles that
 * already trust Bedrock, and the documented trust and S3 policies for a new one.
 */
const bedrockPrincipal = 'bedrock.amazonaws.com';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asList(value: unknown): unknown[] {
    return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/**
 * True when the trust policy lets bedrock.amazonaws.com assume the role. IAM returns the document
 * URL-encoded; a plain JSON string is accepted too.
 */
export function trustsBedrock(assumeRolePolicyDocument: string | undefined): boolean {
    if (assumeRolePolicyDocument === undefined || assumeRolePolicyDocument === '') {
        return false;
    }
    let policy: unknown;
    try {
        const text = assumeRolePolicyDocument.trimStart().startsWith('{')
            ? assumeRolePolicyDocument
            : decodeURIComponent(assumeRolePolicyDocument);
        policy = JSON.parse(text);
    } catch {
        return false;
    }
    if (!isObject(policy)) {
        return false;
    }
    return asList(policy['Statement']).some((statement) => {
        if (!isObject(statement) || statement['Effect'] !== 'Allow') {
            return false;
        }
        const principal = statement['Principal'];
        const services = isObject(principal) ? asList(principal['Service']) : [];
        const actions = asList(statement['Action']);
        return (
            services.includes(bedrockPrincipal) &&
            actions.some((a) => a === 'sts:AssumeRole' || a === 'sts:*' || a === '*')
        );
    });
}

/** `aws`, `aws-cn`, `aws-us-gov` from any ARN; `aws` when it cannot be read. */
export function partitionOf(arn: string | undefined): string {
    return /^arn:(aws[a-z-]*):/.exec(arn ?? '')?.[1] ?? 'aws';
}

export function bedrockTrustPolicy(partition: string, accountId: string, region: string): string {
    return JSON.stringify({
        Version: '2012-10-17',
        Statement: [
            {
                Effect: 'Allow',
                Principal: { Service: bedrockPrincipal },
                Action: 'sts:AssumeRole',
                Condition: {
                    StringEquals: { 'aws:SourceAccount': accountId },
                    ArnEquals: {
                        'aws:SourceArn':
                            `arn:${partition}:bedrock:${region}:${accountId}:` +
                            'model-invocation-job/*',
                    },
                },
            },
        ],
    });
}

export interface S3Access {
    readonly inputBucket: string;
    readonly outputBucket: string;
}

/** Read on the input bucket, write on the output bucket, both limited to the caller's account. */
export function s3AccessPolicy(partition: string, accountId: string, access: S3Access): string {
    const buckets = [...new Set([access.inputBucket, access.outputBucket])];
    const condition = { StringEquals: { 'aws:ResourceAccount': [accountId] } };
    return JSON.stringify({
        Version: '2012-10-17',
        Statement: [
            {
                Sid: 'ReadBatchInput',
                Effect: 'Allow',
                Action: ['s3:GetObject', 's3:ListBucket'],
                Resource: buckets.flatMap((b) => [
                    `arn:${partition}:s3:::${b}`,
                    `arn:${partition}:s3:::${b}/*`,
                ]),
                Condition: condition,
            },
            {
                Sid: 'WriteBatchOutput',
                Effect: 'Allow',
                Action: ['s3:PutObject'],
                Resource: [`arn:${partition}:s3:::${access.outputBucket}/*`],
                Condition: condition,
            },
        ],
    });
}

export const ROLE_NAME_PATTERN = /^[\w+=,.@-]{1,64}$/;

export function roleNameProblem(name: string): string | undefined {
    return ROLE_NAME_PATTERN.test(name)
        ? undefined
        : 'A role name has 1 to 64 letters, digits and + = , . @ _ - characters.';
}

export function roleArn(partition: string, accountId: string, roleName: string): string {
    return `arn:${partition}:iam::${accountId}:role/${roleName}`;
}
