/** S3 over REST-XML, path-style: routes each request to its operation. Bodies stream to disk. */
import type { LocalRequest, LocalResponse, ServiceModule, ServiceModuleFactory } from '../types';
import { LocalAwsError } from '../types';
import { restXmlErrorResponse, s3RequestId } from '../core/errorBodies';
import {
    createBucket,
    deleteBucket,
    getBucketLocation,
    headBucket,
    listBuckets,
} from './bucketOps';
import { listObjectsV1, listObjectsV2 } from './listing';
import { MultipartUploads } from './multipart';
import { copyObject, deleteObject, deleteObjects, getObject, putObject } from './objectOps';
import { header, parseS3Path } from './s3Request';
import type { S3Storage } from './storage';

/** Sub-resources this endpoint does not implement; requests for them get NotImplemented. */
const UNSUPPORTED_SUBRESOURCES = [
    'acl',
    'tagging',
    'policy',
    'cors',
    'lifecycle',
    'versioning',
    'website',
    'logging',
    'notification',
    'replication',
    'encryption',
    'object-lock',
    'retention',
    'legal-hold',
    'torrent',
    'restore',
    'select',
    'attributes',
    'accelerate',
    'analytics',
    'inventory',
    'metrics',
    'ownershipControls',
    'publicAccessBlock',
    'requestPayment',
    'intelligent-tiering',
    'versions',
    'policyStatus',
    'session',
];

function hasUnsupported(query: URLSearchParams): boolean {
    return UNSUPPORTED_SUBRESOURCES.some((name) => query.has(name));
}

export function s3OperationOf(req: LocalRequest): string | undefined {
    const { bucket, key } = parseS3Path(req.rawPath);
    const q = req.query;
    if (hasUnsupported(q)) {
        return undefined;
    }
    if (bucket === undefined) {
        return req.method === 'GET' ? 'ListBuckets' : undefined;
    }
    if (key === undefined) {
        switch (req.method) {
            case 'PUT':
                return 'CreateBucket';
            case 'HEAD':
                return 'HeadBucket';
            case 'DELETE':
                return 'DeleteBucket';
            case 'POST':
                return q.has('delete') ? 'DeleteObjects' : undefined;
            case 'GET':
                if (q.has('uploads')) {
                    return 'ListMultipartUploads';
                }
                if (q.has('location')) {
                    return 'GetBucketLocation';
                }
                return q.get('list-type') === '2' ? 'ListObjectsV2' : 'ListObjects';
            default:
                return undefined;
        }
    }
    const copy = header(req.headers, 'x-amz-copy-source') !== undefined;
    switch (req.method) {
        case 'PUT':
            if (q.has('uploadId') && q.has('partNumber')) {
                return copy ? undefined : 'UploadPart';
            }
            return copy ? 'CopyObject' : 'PutObject';
        case 'GET':
            return q.has('uploadId') ? 'ListParts' : 'GetObject';
        case 'HEAD':
            return 'HeadObject';
        case 'DELETE':
            return q.has('uploadId') ? 'AbortMultipartUpload' : 'DeleteObject';
        case 'POST':
            if (q.has('uploads')) {
                return 'CreateMultipartUpload';
            }
            return q.has('uploadId') ? 'CompleteMultipartUpload' : undefined;
        default:
            return undefined;
    }
}

export interface S3Module extends ServiceModule {
    readonly uploads: MultipartUploads;
}

export function createS3Module(storage: S3Storage): S3Module {
    const uploads = new MultipartUploads(storage);
    const operations: Record<
        string,
        (req: LocalRequest) => LocalResponse | Promise<LocalResponse>
    > = {
        ListBuckets: (req) => listBuckets(storage, req),
        CreateBucket: (req) => createBucket(storage, req),
        HeadBucket: (req) => headBucket(storage, req),
        DeleteBucket: (req) => deleteBucket(storage, req),
        GetBucketLocation: (req) => getBucketLocation(storage, req),
        ListObjectsV2: (req) => listObjectsV2(storage, req),
        ListObjects: (req) => listObjectsV1(storage, req),
        PutObject: (req) => putObject(storage, req),
        CopyObject: (req) => copyObject(storage, req),
        GetObject: (req) => getObject(storage, req, false),
        HeadObject: (req) => getObject(storage, req, true),
        DeleteObject: (req) => deleteObject(storage, req),
        DeleteObjects: (req) => deleteObjects(storage, req),
        CreateMultipartUpload: (req) => uploads.create(req),
        UploadPart: (req) => uploads.uploadPart(req),
        CompleteMultipartUpload: (req) =>
            uploads.complete(req, header(req.headers, 'host') ?? '127.0.0.1'),
        AbortMultipartUpload: (req) => uploads.abort(req),
        ListParts: (req) => uploads.listParts(req),
        ListMultipartUploads: (req) => uploads.listUploads(req),
    };
    return {
        signingName: 's3',
        protocol: 'restXml',
        streamsBody: true,
        uploads,
        operationOf: s3OperationOf,
        async handle(operation, req) {
            const run = operations[operation];
            if (run === undefined) {
                throw new LocalAwsError(
                    'NotImplemented',
                    501,
                    'A header you provided implies functionality that is not implemented.',
                );
            }
            return await run(req);
        },
        errorResponse(error, req) {
            return restXmlErrorResponse(
                error,
                s3RequestId(req.requestId),
                Buffer.from(req.requestId).toString('base64'),
                req.method === 'HEAD',
            );
        },
    };
}

export function s3Service(storage: S3Storage): ServiceModuleFactory {
    return { name: 's3', create: () => createS3Module(storage) };
}
