/**
 * S3 bucket names, keys and URIs that CreateModelInvocationJob accepts. Its S3Uri pattern allows
 * far fewer key characters than S3 itself: letters, digits and - ! _ * ' ( ) . only, and no empty
 * segment (`//`).
 */
import { foldToAscii } from './asciiName';

export const S3_URI_PATTERN =
    /^s3:\/\/[a-z0-9][-.a-z0-9]{1,61}(?:\/[-!_*'().a-z0-9A-Z]+(?:\/[-!_*'().a-z0-9A-Z]+)*)?\/?$/;
export const S3_URI_MAX_LENGTH = 1024;

const KEY_CHAR = /[-!_*'().a-zA-Z0-9]/;

/** One key segment made acceptable: spaces, `=`, `+`, `:`, `%`, non-ASCII... become dashes. */
export function sanitizeKeySegment(segment: string): string {
    const folded = foldToAscii(segment, KEY_CHAR).replace(/^-+(?=.)/, '');
    // "." and ".." are valid characters but confusing as whole segments.
    if (folded === '' || /^\.+$/.test(folded)) {
        return '_';
    }
    // A name that was all non-ASCII keeps only its extension: give it a stem back.
    return folded.startsWith('.') ? `file${folded}` : folded;
}

/** A prefix as `a/b/c` (no leading, trailing or doubled slash), each segment sanitised. */
export function sanitizePrefix(prefix: string): string {
    return prefix
        .split('/')
        .filter((segment) => segment.trim() !== '')
        .map(sanitizeKeySegment)
        .join('/');
}

/** Joins prefix and name parts into a key with single slashes. */
export function joinKey(...parts: string[]): string {
    return parts
        .flatMap((part) => part.split('/'))
        .filter((segment) => segment !== '')
        .join('/');
}

/** Why a typed prefix cannot be used as-is, or undefined. Empty means the bucket's root. */
export function prefixProblem(prefix: string): string | undefined {
    const trimmed = prefix.replace(/^\/+|\/+$/g, '');
    if (trimmed === '') {
        return undefined;
    }
    if (trimmed.includes('//')) {
        return 'A prefix cannot contain "//" (an empty folder name).';
    }
    const bad = [...trimmed].find((c) => c !== '/' && !KEY_CHAR.test(c));
    if (bad !== undefined) {
        const shown = bad === ' ' ? 'spaces are' : `"${bad}" is`;
        const allowed = "letters, digits and - ! _ * ' ( ) .";
        return `Bedrock accepts ${allowed} in S3 keys; ${shown} not allowed.`;
    }
    return undefined;
}

/** Why S3 (or Bedrock's pattern) would refuse the bucket name, or undefined. */
export function bucketNameProblem(bucket: string): string | undefined {
    if (bucket.length < 3 || bucket.length > 63) {
        return 'A bucket name has 3 to 63 characters.';
    }
    if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(bucket)) {
        return (
            'A bucket name has lowercase letters, digits, dots and dashes, and starts and ends ' +
            'with a letter or digit.'
        );
    }
    if (bucket.includes('..') || /^\d+\.\d+\.\d+\.\d+$/.test(bucket)) {
        return 'A bucket name has no ".." and is not an IP address.';
    }
    return undefined;
}

export function s3Uri(bucket: string, key: string, folder = false): string {
    const path = joinKey(key);
    if (path === '') {
        return `s3://${bucket}/`;
    }
    return `s3://${bucket}/${path}${folder ? '/' : ''}`;
}

/** Why Bedrock would reject the URI, or undefined. */
export function s3UriProblem(uri: string): string | undefined {
    if (uri.length > S3_URI_MAX_LENGTH) {
        return `An S3 URI has at most ${S3_URI_MAX_LENGTH} characters.`;
    }
    return S3_URI_PATTERN.test(uri) ? undefined : `${uri} is not an S3 URI Bedrock accepts.`;
}

export interface S3Location {
    readonly bucket: string;
    readonly key: string;
}

export function parseS3Uri(uri: string): S3Location | undefined {
    const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
    if (match === null) {
        return undefined;
    }
    return { bucket: match[1] ?? '', key: match[2] ?? '' };
}

/** A key that does not exist yet: `name.jsonl` → `name-2.jsonl`, `name-3.jsonl`... */
export function alternativeKey(key: string, attempt: number): string {
    const slash = key.lastIndexOf('/');
    const folder = key.slice(0, slash + 1);
    const name = key.slice(slash + 1);
    const dot = name.lastIndexOf('.');
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const extension = dot > 0 ? name.slice(dot) : '';
    return `${folder}${stem}-${attempt}${extension}`;
}
