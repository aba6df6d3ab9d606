/**
 * Every piece of the AWS SDK the extension uses, in one module. esbuild bundles it on its own
 * (dist/sdk.js) and `loadSdk` requires it on the first AWS call, so activation never pays for it.
 * Everywhere else imports SDK *types* only.
 */
export {
    BedrockClient,
    CreateModelInvocationJobCommand,
    GetFoundationModelCommand,
    GetModelInvocationJobCommand,
    ListFoundationModelsCommand,
    ListInferenceProfilesCommand,
    ListModelInvocationJobsCommand,
    ListTagsForResourceCommand,
    StopModelInvocationJobCommand,
    paginateListInferenceProfiles,
    paginateListModelInvocationJobs,
} from '@aws-sdk/client-bedrock';
export {
    CloudWatchClient,
    DeleteAlarmsCommand,
    DescribeAlarmsCommand,
    GetDashboardCommand,
    GetMetricDataCommand,
    ListMetricsCommand,
    PutDashboardCommand,
    PutMetricAlarmCommand,
    paginateDescribeAlarms,
    paginateListMetrics,
} from '@aws-sdk/client-cloudwatch';
export {
    AbortMultipartUploadCommand,
    CreateBucketCommand,
    DeleteObjectCommand,
    GetObjectCommand,
    HeadBucketCommand,
    HeadObjectCommand,
    ListMultipartUploadsCommand,
    ListObjectsV2Command,
    PutObjectCommand,
    S3Client,
    paginateListBuckets,
    paginateListObjectsV2,
} from '@aws-sdk/client-s3';
export { Upload } from '@aws-sdk/lib-storage';
export { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
export {
    CreateRoleCommand,
    IAMClient,
    PutRolePolicyCommand,
    paginateListRoles,
} from '@aws-sdk/client-iam';
export { CreateTopicCommand, SNSClient, paginateListTopics } from '@aws-sdk/client-sns';
export { ServiceQuotasClient, paginateListServiceQuotas } from '@aws-sdk/client-service-quotas';
export { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
export { ConfiguredRetryStrategy } from '@smithy/core/retry';
export { loadSharedConfigFiles } from '@smithy/core/config';
