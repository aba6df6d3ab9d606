/**
 * Client-side validation of the other CreateModelInvocationJob fields, with the API model's
 * patterns, so a typo is caught while typing instead of by a ValidationException after upload.
 */
export const CLIENT_REQUEST_TOKEN_PATTERN = /^[a-zA-Z0-9]{1,256}(-*[a-zA-Z0-9]){0,256}$/;
export const ROLE_ARN_PATTERN = /^arn:aws(-[^:]+)?:iam::([0-9]{12})?:role\/.+$/;
export const MIN_TIMEOUT_HOURS = 24;
export const MAX_TIMEOUT_HOURS = 168;
export const DEFAULT_TIMEOUT_HOURS = 24;

const MODEL_ID_PATTERN = new RegExp(
    '^(?:' +
        [
            'arn:aws(?:-[^:]+)?:bedrock:[a-z0-9-]{1,20}:(?:[0-9]{12})?:' +
                '(?:custom-model|foundation-model|inference-profile|' +
                'application-inference-profile)/.+',
            '[a-z0-9-]{1,63}[.][a-z0-9-]{1,63}(?:[.]?[a-z0-9-]{1,63})(?:[:][a-z0-9-]{1,63}){0,2}',
        ].join('|') +
        ')$',
);

/** A UUID is a valid idempotency token as it stands: hex groups joined by single dashes. */
export function newClientRequestToken(uuid: () => string): string {
    const token = uuid();
    if (!CLIENT_REQUEST_TOKEN_PATTERN.test(token)) {
        throw new Error(`Generated request token ${token} does not match the API's pattern`);
    }
    return token;
}

export function roleArnProblem(arn: string): string | undefined {
    if (arn.length > 2048) {
        return 'A role ARN has at most 2048 characters.';
    }
    if (!ROLE_ARN_PATTERN.test(arn)) {
        return /:user\//.test(arn)
            ? 'That is a user ARN; Bedrock needs an IAM role it can assume ' +
                  '(arn:aws:iam::<account>:role/<name>).'
            : 'Enter an IAM role ARN such as arn:aws:iam::123456789012:role/BedrockBatchRole.';
    }
    return undefined;
}

/** Context-length variants such as `...-v1:0:200k` are provisioned-throughput-only ids. */
export function isContextLengthVariant(modelId: string): boolean {
    return /:\d+k$/i.test(modelId);
}

export function modelIdProblem(modelId: string): string | undefined {
    if (modelId === '') {
        return 'Enter a model id, inference profile id or ARN.';
    }
    if (modelId.length > 2048 || !MODEL_ID_PATTERN.test(modelId)) {
        return `"${modelId}" is not a model id, inference profile id or model ARN Bedrock accepts.`;
    }
    if (/:(imported-model|provisioned-model)\//.test(modelId)) {
        return 'Batch inference does not run on imported or provisioned models.';
    }
    if (isContextLengthVariant(modelId)) {
        return (
            `${modelId} is a context-length variant for provisioned throughput; ` +
            'use the id without the last ":…" part.'
        );
    }
    return undefined;
}

export function timeoutProblem(text: string): string | undefined {
    const hours = Number(text.trim());
    if (
        text.trim() === '' ||
        !Number.isInteger(hours) ||
        hours < MIN_TIMEOUT_HOURS ||
        hours > MAX_TIMEOUT_HOURS
    ) {
        return `Enter a whole number of hours from ${MIN_TIMEOUT_HOURS} to ${MAX_TIMEOUT_HOURS}.`;
    }
    return undefined;
}

export function kmsKeyProblem(key: string): string | undefined {
    if (key === '') {
        return undefined;
    }
    if (key.length > 2048) {
        return 'A KMS key id has at most 2048 characters.';
    }
    const forms = [
        /^arn:aws(-[^:]+)?:kms:[a-z0-9-]+:\d{12}:(key|alias)\/.+$/,
        /^alias\/[a-zA-Z0-9/_-]+$/,
        /^(mrk-)?[0-9a-f]{8}-?([0-9a-f]{4}-?){3}[0-9a-f]{12}$/,
        /^mrk-[0-9a-f]{32}$/,
    ];
    return forms.some((form) => form.test(key))
        ? undefined
        : 'Enter a KMS key ARN, alias ARN, key id or alias/name.';
}

/** Comma- or space-separated ids; undefined entries are problems. */
export function splitIds(text: string): string[] {
    return text.split(/[\s,]+/).filter((id) => id !== '');
}

export function subnetIdsProblem(text: string): string | undefined {
    const ids = splitIds(text);
    if (ids.length === 0) {
        return undefined;
    }
    if (ids.length > 16) {
        return 'At most 16 subnets.';
    }
    const bad = ids.find((id) => !/^[-0-9a-zA-Z]{1,32}$/.test(id));
    return bad === undefined
        ? undefined
        : `"${bad}" is not a subnet id such as subnet-0123456789abcdef0.`;
}

export function securityGroupIdsProblem(text: string): string | undefined {
    const ids = splitIds(text);
    if (ids.length === 0) {
        return undefined;
    }
    if (ids.length > 5) {
        return 'At most 5 security groups.';
    }
    const bad = ids.find((id) => !/^[-0-9a-zA-Z]{1,32}$/.test(id));
    return bad === undefined
        ? undefined
        : `"${bad}" is not a security group id such as sg-0123456789abcdef0.`;
}

export interface Tag {
    readonly key: string;
    readonly value: string;
}

const TAG_TEXT = /^[a-zA-Z0-9\s._:/=+@-]*$/;

export type TagParse = { readonly tags: Tag[] } | { readonly problem: string };

/** `team=ml, project=qa` → tags; keys are unique, values may be empty. */
export function parseTags(text: string): TagParse {
    const tags: Tag[] = [];
    const pairs = text
        .split(',')
        .map((pair) => pair.trim())
        .filter((pair) => pair !== '');
    for (const pair of pairs) {
        const equals = pair.indexOf('=');
        const key = (equals < 0 ? pair : pair.slice(0, equals)).trim();
        const value = equals < 0 ? '' : pair.slice(equals + 1).trim();
        if (key.length < 1 || key.length > 128) {
            return { problem: `Tag key "${key}" must have 1 to 128 characters.` };
        }
        if (value.length > 256) {
            return { problem: `The value of tag "${key}" has more than 256 characters.` };
        }
        if (!TAG_TEXT.test(key) || !TAG_TEXT.test(value)) {
            return { problem: `Tag "${pair}": letters, digits, spaces and . _ : / = + @ - only.` };
        }
        if (tags.some((tag) => tag.key === key)) {
            return { problem: `Tag key "${key}" appears twice.` };
        }
        tags.push({ key, value });
    }
    if (tags.length > 200) {
        return { problem: 'At most 200 tags.' };
    }
    return { tags };
}

export function formatTags(tags: readonly Tag[]): string {
    return tags.map((tag) => (tag.value === '' ? tag.key : `${tag.key}=${tag.value}`)).join(', ');
}
