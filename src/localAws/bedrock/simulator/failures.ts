/**
 * The `message` of a job that fails validation. The wording is this simulation's, modelled on
 * the service's style (it names the file and line, or the quota and its value).
 */

export const failures = {
    roleMissing: (roleArn: string, account: string): string =>
        `Bedrock could not assume the service role ${roleArn}: ` +
        (account === ''
            ? 'the role ARN names no account. '
            : `no role of that name exists in account ${account}. `) +
        'Check the role ARN, or create the role with a trust policy that allows ' +
        'bedrock.amazonaws.com to call sts:AssumeRole.',
    roleNotTrusting: (roleArn: string): string =>
        `Bedrock could not assume the service role ${roleArn}: its trust policy does not ` +
        'allow the service principal bedrock.amazonaws.com to call sts:AssumeRole.',
    inputBucketMissing: (bucket: string): string =>
        `Unable to access the input S3 bucket ${bucket}. ` +
        'Make sure the bucket exists and that the ' +
        'service role has s3:GetObject and s3:ListBucket permissions on it.',
    outputBucketMissing: (bucket: string): string =>
        `Unable to access the output S3 bucket ${bucket}. ` +
        'Make sure the bucket exists and that the ' +
        'service role has s3:PutObject permission on it.',
    noInputFiles: (uri: string): string =>
        `No input files with the .jsonl extension were found at ${uri}.`,
    notJson: (file: string, line: number): string =>
        `Invalid JSON in input file ${file} at line ${line}. ` +
        'Each line must be a valid JSON object.',
    notObject: (file: string, line: number): string =>
        `Line ${line} of input file ${file} is not a JSON object.`,
    noModelInput: (file: string, line: number): string =>
        `Line ${line} of input file ${file} is missing the required field modelInput.`,
    badRecordId: (file: string, line: number): string =>
        `Line ${line} of input file ${file} has a recordId that is not a string.`,
    tooFewRecords: (count: number, minimum: number, modelId: string): string =>
        `The batch inference job contains ${count} records, ` +
        'which is less than the quota "Minimum ' +
        `number of records per batch inference job" (${minimum}) for ${modelId}.`,
    tooManyRecords: (count: number, maximum: number, modelId: string): string =>
        `The batch inference job contains ${count} records, which exceeds the quota "Records per ` +
        `batch inference job" (${maximum}) for ${modelId}.`,
    tooManyRecordsInFile: (file: string, count: number, maximum: number, modelId: string): string =>
        `Input file ${file} contains ${count} records, ` +
        'which exceeds the quota "Records per input ' +
        `file per batch inference job" (${maximum}) for ${modelId}.`,
    fileTooLarge: (file: string, maximumBytes: number, modelId: string): string =>
        `Input file ${file} exceeds the quota "Batch inference input file size" ` +
        `(${maximumBytes / 1024 ** 3} GB) for ${modelId}.`,
    jobTooLarge: (maximumBytes: number, modelId: string): string =>
        'The input files exceed the quota "Batch inference job size" ' +
        `(${maximumBytes / 1024 ** 3} GB) ` +
        `for ${modelId}.`,
};
