/**
 * Conditional requests: If-Match / If-None-Match against the current ETag on writes and deletes,
 * plus If-Modified-Since / If-Unmodified-Since on reads.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { LocalAwsError, LocalRequest, LocalResponse } from '../types';
import { s3Errors } from './s3Errors';
import { header } from './s3Request';
import { httpDate } from './s3Response';
import type { StoredObject } from './storedRecords';

/** Conditions on a write: `If-None-Match: *` and `If-Match: "etag"`. */
export interface WriteConditions {
    readonly ifNoneMatch?: string;
    readonly ifMatch?: string;
}

export function writeConditionsFrom(headers: IncomingHttpHeaders): WriteConditions {
    const ifNoneMatch = header(headers, 'if-none-match');
    const ifMatch = header(headers, 'if-match');
    return {
        ...(ifNoneMatch === undefined ? {} : { ifNoneMatch }),
        ...(ifMatch === undefined ? {} : { ifMatch }),
    };
}

/**
 * Fails a create-only write (`If-None-Match: *`) on a key that exists before its body is taken;
 * the commit checks again.
 */
export function refuseIfKeyExists(
    conditions: WriteConditions,
    current: StoredObject | undefined,
): void {
    if (conditions.ifNoneMatch?.trim() === '*' && current !== undefined) {
        throw s3Errors.preconditionFailed('If-None-Match');
    }
}

/** The error a write fails with when its conditions do not hold; `key` is named in NoSuchKey. */
export function failedWriteCondition(
    current: StoredObject | undefined,
    conditions: WriteConditions,
    key: string,
): LocalAwsError | undefined {
    const { ifNoneMatch, ifMatch } = conditions;
    if (
        ifNoneMatch !== undefined &&
        current !== undefined &&
        matchesEtag(ifNoneMatch, current.etag)
    ) {
        return s3Errors.preconditionFailed('If-None-Match');
    }
    if (ifMatch !== undefined) {
        if (current === undefined) {
            return s3Errors.noSuchKey(key);
        }
        if (!matchesEtag(ifMatch, current.etag)) {
            return s3Errors.preconditionFailed('If-Match');
        }
    }
    return undefined;
}

/** 304 / 412 answers to If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since. */
export function checkReadConditions(
    req: LocalRequest,
    object: StoredObject,
): LocalResponse | undefined {
    const ifMatch = header(req.headers, 'if-match');
    const ifNoneMatch = header(req.headers, 'if-none-match');
    const ifModifiedSince = header(req.headers, 'if-modified-since');
    const ifUnmodifiedSince = header(req.headers, 'if-unmodified-since');
    const modifiedSeconds = Math.floor(object.lastModifiedMs / 1000);
    if (ifMatch !== undefined && !matchesEtag(ifMatch, object.etag)) {
        throw s3Errors.preconditionFailed('If-Match');
    }
    if (ifMatch === undefined && ifUnmodifiedSince !== undefined) {
        const since = Date.parse(ifUnmodifiedSince);
        if (!Number.isNaN(since) && modifiedSeconds > Math.floor(since / 1000)) {
            throw s3Errors.preconditionFailed('If-Unmodified-Since');
        }
    }
    const notModified: LocalResponse = {
        status: 304,
        headers: { etag: object.etag, 'last-modified': httpDate(object.lastModifiedMs) },
    };
    if (ifNoneMatch !== undefined) {
        return matchesEtag(ifNoneMatch, object.etag) ? notModified : undefined;
    }
    if (ifModifiedSince !== undefined) {
        const since = Date.parse(ifModifiedSince);
        if (!Number.isNaN(since) && modifiedSeconds <= Math.floor(since / 1000)) {
            return notModified;
        }
    }
    return undefined;
}

/** True when an If-Match / If-None-Match value is `*` or lists this ETag (weak or strong). */
function matchesEtag(condition: string, etag: string): boolean {
    if (condition.trim() === '*') {
        return true;
    }
    const bare = etag.replace(/"/g, '');
    return condition
        .split(',')
        .some((candidate) => candidate.trim().replace(/^W\//, '').replace(/"/g, '') === bare);
}
