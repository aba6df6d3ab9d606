/** S3's own error codes, with the messages S3 sends. */
import { LocalAwsError } from '../types';

export const s3Errors = {
    noSuchBucket: (bucket: string): LocalAwsError =>
        new LocalAwsError('NoSuchBucket', 404, 'The specified bucket does not exist', 'Sender', {
            BucketName: bucket,
        }),
    noSuchKey: (key: string): LocalAwsError =>
        new LocalAwsError('NoSuchKey', 404, 'The specified key does not exist.', 'Sender', {
            Key: key,
        }),
    noSuchUpload: (uploadId: string): LocalAwsError =>
        new LocalAwsError(
            'NoSuchUpload',
            404,
            'The specified upload does not exist. The upload ID may be invalid, or the upload ' +
            'may have ' +
                'been aborted or completed.',
            'Sender',
            { UploadId: uploadId },
        ),
    bucketAlreadyOwnedByYou: (bucket: string): LocalAwsError =>
        new LocalAwsError(
            'BucketAlreadyOwnedByYou',
            409,
            'Your previous request to create the named bucket succeeded and you already own it.',
            'Sender',
            { BucketName: bucket },
        ),
    bucketNotEmpty: (bucket: string): LocalAwsError =>
        new LocalAwsError(
            'BucketNotEmpty',
            409,
            'The bucket you tried to delete is not empty',
            'Sender',
            { BucketName: bucket },
        ),
    invalidBucketName: (bucket: string): LocalAwsError =>
        new LocalAwsError(
            'InvalidBucketName',
            400,
            'The specified bucket is not valid.',
            'Sender',
            { BucketName: bucket },
        ),
    preconditionFailed: (condition: string): LocalAwsError =>
        new LocalAwsError(
            'PreconditionFailed',
            412,
            'At least one of the pre-conditions you specified did not hold',
            'Sender',
            { Condition: condition },
        ),
    invalidPart: (): LocalAwsError =>
        new LocalAwsError(
            'InvalidPart',
            400,
            'One or more of the specified parts could not be found.  The part may not have ' +
            'been uploaded, ' +
                "or the specified entity tag may not match the part's entity tag.",
        ),
    invalidPartOrder: (): LocalAwsError =>
        new LocalAwsError(
            'InvalidPartOrder',
            400,
            'The list of parts was not in ascending order. Parts must be ordered by part number.',
        ),
    entityTooSmall: (
        part: { readonly number: number; readonly size: number; readonly etag: string },
        minSize: number,
    ): LocalAwsError =>
        new LocalAwsError(
            'EntityTooSmall',
            400,
            'Your proposed upload is smaller than the minimum allowed object size.',
            'Sender',
            {
                ProposedSize: String(part.size),
                MinSizeAllowed: String(minSize),
                PartNumber: String(part.number),
                ETag: part.etag.replace(/"/g, ''),
            },
        ),
    conditionalRequestConflict: (): LocalAwsError =>
        new LocalAwsError(
            'ConditionalRequestConflict',
            409,
            'A conflicting operation occurred. If using PutObject you can retry the request. ' +
                'If using multipart upload you should initiate another CreateMultipartUpload ' +
                'request and re-upload each part.',
        ),
    malformedXml: (): LocalAwsError =>
        new LocalAwsError(
            'MalformedXML',
            400,
            'The XML you provided was not well-formed or did not validate against our ' +
            'published schema',
        ),
    invalidArgument: (message: string, name?: string, value?: string): LocalAwsError =>
        new LocalAwsError('InvalidArgument', 400, message, 'Sender', {
            ...(name === undefined ? {} : { ArgumentName: name }),
            ...(value === undefined ? {} : { ArgumentValue: value }),
        }),
    invalidRange: (size: number, range: string): LocalAwsError =>
        new LocalAwsError('InvalidRange', 416, 'The requested range is not satisfiable', 'Sender', {
            RangeRequested: range,
            ActualObjectSize: String(size),
        }),
    methodNotAllowed: (): LocalAwsError =>
        new LocalAwsError(
            'MethodNotAllowed',
            405,
            'The specified method is not allowed against this resource.',
        ),
    invalidRequest: (message: string): LocalAwsError =>
        new LocalAwsError('InvalidRequest', 400, message),
};
