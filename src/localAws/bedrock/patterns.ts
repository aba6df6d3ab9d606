/**
 * Patterns and bounds from the Bedrock service model (bedrock-2023-04-20). They are matched
 * whole, and shown in error messages wrapped in `^...$` as the service shows them.
 */
export const JOB_NAME = '[a-zA-Z0-9]{1,63}(-*[a-zA-Z0-9\\+\\-\\.]){0,63}';
export const ROLE_ARN = 'arn:aws(-[^:]+)?:iam::([0-9]{12})?:role/.+';
export const IDEMPOTENCY_TOKEN = '[a-zA-Z0-9]{1,256}(-*[a-zA-Z0-9]){0,256}';
export const S3_URI =
    "s3://[a-z0-9][-.a-z0-9]{1,61}[a-z0-9](?:/[-!_*'().a-z0-9A-Z]+(?:/[-!_*'().a-z0-9A-Z]+)*)?/?";
export const ACCOUNT_ID = '[0-9]{12}';
export const KMS_KEY_ID =
    '(arn:aws(-[^:]+)?:kms:[a-zA-Z0-9-]*:[0-9]{12}:' +
    '((key/[a-zA-Z0-9-]{36})|(alias/[a-zA-Z0-9-_/]+)))' +
    '|([a-zA-Z0-9-]{36})|(alias/[a-zA-Z0-9-_/]+)';
export const VPC_MEMBER_ID = '[-0-9a-zA-Z]+';
export const TAG_TEXT = '[a-zA-Z0-9\\s._:/=+@-]*';
export const JOB_IDENTIFIER =
    '((arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:model-invocation-job/)?[a-z0-9]{12})';
export const PAGINATION_TOKEN = '\\S*';

export const MODEL_ID =
    '(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:(([0-9]{12}:custom-model/[a-z0-9-]{1,63}[.]{1}' +
    '[a-z0-9-:]{1,63}/[a-z0-9]{12}$)|(:foundation-model/([a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}' +
    '([.]?[a-z0-9-]{1,63})([:][a-z0-9-]{1,63}){0,2})|(([0-9a-zA-Z][_-]?)+)$)|([0-9]{12}:' +
    '(inference-profile|application-inference-profile)/[a-zA-Z0-9-:.]+$)))|([a-z0-9-]{1,63}[.]{1}' +
    '[a-z0-9-]{1,63}([.]?[a-z0-9-]{1,63})([:][a-z0-9-]{1,63}){0,2})|(([0-9a-zA-Z][_-]?)+)';

export const FOUNDATION_MODEL_IDENTIFIER =
    '(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}::foundation-model/[a-z0-9-]{1,63}[.]{1}' +
    '([a-z0-9-]{1,63}[.]){0,2}[a-z0-9-]{1,63}([:][a-z0-9-]{1,63}){0,2})|([a-z0-9-]{1,63}[.]{1}' +
    '[a-z0-9-]{1,63}([.]?[a-z0-9-]{1,63})([:][a-z0-9-]{1,63}){0,2})';

export const INFERENCE_PROFILE_IDENTIFIER =
    '(arn:aws(|-us-gov|-cn|-iso|-iso-b):bedrock:(|[0-9a-z-]{0,20}):(|[0-9]{12}):' +
    '(inference-profile|application-inference-profile)/)?[a-zA-Z0-9-:.]+';

export const PROVIDER = '[A-Za-z0-9- ]{1,63}';

export const JOB_STATUSES = [
    'Submitted',
    'InProgress',
    'Completed',
    'Failed',
    'Stopping',
    'Stopped',
    'PartiallyCompleted',
    'Expired',
    'Validating',
    'Scheduled',
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const TERMINAL_STATUSES: readonly JobStatus[] = [
    'Completed',
    'Failed',
    'Stopped',
    'PartiallyCompleted',
    'Expired',
];

/** The statuses counted against the per-model concurrent job quota. */
export const ACTIVE_STATUSES: readonly JobStatus[] = [
    'Submitted',
    'Validating',
    'Scheduled',
    'InProgress',
    'Stopping',
];

export const INVOCATION_TYPES = ['InvokeModel', 'Converse'] as const;
export type InvocationType = (typeof INVOCATION_TYPES)[number];
