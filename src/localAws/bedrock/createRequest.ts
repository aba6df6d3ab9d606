/** Parses and validates a CreateModelInvocationJob body against the service model's constraints. */
import { LocalAwsError } from '../types';
import { ConstraintViolations } from './constraints';
import type { JobRequest, S3InputConfig, S3OutputConfig, Tag, VpcConfig } from './jobs';
import {
    ACCOUNT_ID,
    IDEMPOTENCY_TOKEN,
    INVOCATION_TYPES,
    JOB_NAME,
    KMS_KEY_ID,
    MODEL_ID,
    ROLE_ARN,
    S3_URI,
    TAG_TEXT,
    VPC_MEMBER_ID,
} from './patterns';
import type { InvocationType } from './patterns';

type Json = Record<string, unknown>;

export function parseJsonBody(body: Buffer): Json {
    if (body.length === 0) {
        return {};
    }
    let value: unknown;
    try {
        value = JSON.parse(body.toString('utf8'));
    } catch {
        throw new LocalAwsError(
            'SerializationException',
            400,
            'Unable to parse the request body as JSON.',
        );
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new LocalAwsError(
            'SerializationException',
            400,
            'The request body must be a JSON object.',
        );
    }
    return value as Json;
}

function objectAt(value: unknown): Json | undefined {
    return value !== null && typeof value === 'object' && !Array.isArray(value)
        ? (value as Json)
        : undefined;
}

export function parseCreateRequest(body: Json): JobRequest {
    const v = new ConstraintViolations();
    const jobName = body['jobName'];
    v.text('jobName', jobName, { min: 1, max: 63, pattern: JOB_NAME, required: true });
    v.text('roleArn', body['roleArn'], { min: 0, max: 2048, pattern: ROLE_ARN, required: true });
    v.text('clientRequestToken', body['clientRequestToken'], {
        min: 1,
        max: 256,
        pattern: IDEMPOTENCY_TOKEN,
    });
    v.text('modelId', body['modelId'], { min: 1, max: 2048, pattern: MODEL_ID, required: true });
    const input = inputConfig(v, body['inputDataConfig']);
    const output = outputConfig(v, body['outputDataConfig']);
    const vpc = vpcConfig(v, body['vpcConfig']);
    const timeout = body['timeoutDurationInHours'];
    if (timeout !== undefined && timeout !== null) {
        if (typeof timeout !== 'number' || !Number.isInteger(timeout)) {
            v.add('timeoutDurationInHours', timeout, 'Member must be an integer');
        } else {
            v.range('timeoutDurationInHours', timeout, 24, 168);
        }
    }
    const tags = tagList(v, 'tags', body['tags']);
    const type = body['modelInvocationType'];
    if (type !== undefined && type !== null) {
        v.oneOf(
            'modelInvocationType',
            typeof type === 'string' ? type : JSON.stringify(type),
            INVOCATION_TYPES,
        );
    }
    v.throwIfAny();
    return {
        jobName: jobName as string,
        roleArn: body['roleArn'] as string,
        ...stringMember(body, 'clientRequestToken'),
        modelId: body['modelId'] as string,
        input: input as S3InputConfig,
        output: output as S3OutputConfig,
        ...(vpc === undefined ? {} : { vpcConfig: vpc }),
        ...(typeof timeout === 'number' ? { timeoutDurationInHours: timeout } : {}),
        tags: tags ?? [],
        ...(typeof type === 'string' ? { modelInvocationType: type as InvocationType } : {}),
    };
}

function inputConfig(v: ConstraintViolations, value: unknown): S3InputConfig | undefined {
    const s3 = s3DataConfig(v, 'inputDataConfig', 's3InputDataConfig', value);
    if (s3 === undefined) {
        return undefined;
    }
    const { path, config } = s3;
    const format = config['s3InputFormat'];
    if (format !== undefined && format !== null) {
        v.oneOf(
            `${path}.s3InputFormat`,
            typeof format === 'string' ? format : JSON.stringify(format),
            ['JSONL'],
        );
    }
    checkBucketOwner(v, path, config);
    return {
        s3Uri: config['s3Uri'] as string,
        ...stringMember(config, 's3InputFormat'),
        ...stringMember(config, 's3BucketOwner'),
    };
}

function outputConfig(v: ConstraintViolations, value: unknown): S3OutputConfig | undefined {
    const s3 = s3DataConfig(v, 'outputDataConfig', 's3OutputDataConfig', value);
    if (s3 === undefined) {
        return undefined;
    }
    const { path, config } = s3;
    v.text(`${path}.s3EncryptionKeyId`, config['s3EncryptionKeyId'], {
        min: 1,
        max: 2048,
        pattern: KMS_KEY_ID,
    });
    checkBucketOwner(v, path, config);
    return {
        s3Uri: config['s3Uri'] as string,
        ...stringMember(config, 's3EncryptionKeyId'),
        ...stringMember(config, 's3BucketOwner'),
    };
}

/** The required `member.inner` object of a data config, with its s3Uri checked. */
function s3DataConfig(
    v: ConstraintViolations,
    member: string,
    inner: string,
    value: unknown,
): { readonly path: string; readonly config: Json } | undefined {
    if (!v.required(member, value ?? undefined)) {
        return undefined;
    }
    const config = objectAt(objectAt(value)?.[inner]);
    const path = `${member}.${inner}`;
    if (!v.required(path, config) || config === undefined) {
        return undefined;
    }
    v.text(`${path}.s3Uri`, config['s3Uri'], {
        min: 1,
        max: 1024,
        pattern: S3_URI,
        required: true,
    });
    return { path, config };
}

function checkBucketOwner(v: ConstraintViolations, path: string, config: Json): void {
    v.text(`${path}.s3BucketOwner`, config['s3BucketOwner'], {
        min: 0,
        max: 12,
        pattern: ACCOUNT_ID,
    });
}

/** `{ key: value }` when the member is a string, else nothing, for spreading into a result. */
function stringMember<K extends string>(object: Json, key: K): Partial<Record<K, string>> {
    const value = object[key];
    return typeof value === 'string' ? ({ [key]: value } as Partial<Record<K, string>>) : {};
}

function vpcConfig(v: ConstraintViolations, value: unknown): VpcConfig | undefined {
    if (value === undefined || value === null) {
        return undefined;
    }
    const config = objectAt(value) ?? {};
    const subnets = idList(v, 'vpcConfig.subnetIds', config['subnetIds'], 16);
    const groups = idList(v, 'vpcConfig.securityGroupIds', config['securityGroupIds'], 5);
    return subnets === undefined || groups === undefined
        ? undefined
        : { subnetIds: subnets, securityGroupIds: groups };
}

function idList(
    v: ConstraintViolations,
    path: string,
    value: unknown,
    max: number,
): string[] | undefined {
    if (!v.required(path, value)) {
        return undefined;
    }
    if (!Array.isArray(value)) {
        v.add(path, value, 'Member must be a list');
        return undefined;
    }
    if (!v.length(path, value, 1, max)) {
        return undefined;
    }
    let ok = true;
    value.forEach((item, i) => {
        ok =
            v.text(`${path}.${i + 1}.member`, item, {
                min: 0,
                max: 32,
                pattern: VPC_MEMBER_ID,
                required: true,
            }) && ok;
    });
    return ok ? (value as string[]) : undefined;
}

/** Validates a TagList (also used by TagResource). */
export function tagList(v: ConstraintViolations, path: string, value: unknown): Tag[] | undefined {
    if (value === undefined || value === null) {
        return undefined;
    }
    if (!Array.isArray(value)) {
        v.add(path, value, 'Member must be a list');
        return undefined;
    }
    if (!v.length(path, value, 0, 200)) {
        return undefined;
    }
    const tags: Tag[] = [];
    value.forEach((item, i) => {
        const tag = objectAt(item) ?? {};
        const at = `${path}.${i + 1}.member`;
        const key = v.text(`${at}.key`, tag['key'], {
            min: 1,
            max: 128,
            pattern: TAG_TEXT,
            required: true,
        });
        const val = v.text(`${at}.value`, tag['value'], {
            min: 0,
            max: 256,
            pattern: TAG_TEXT,
            required: true,
        });
        if (key && val) {
            tags.push({ key: tag['key'] as string, value: tag['value'] as string });
        }
    });
    return tags;
}
