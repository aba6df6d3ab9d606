/**
 * What a failed or cancelled upload may leave in S3 when removing it failed too, and how the
 * user removes it by hand. Pure, so the wording is unit-tested.
 */
import { s3Uri } from './s3Paths';

export interface UploadLeftover {
    readonly bucket: string;
    readonly key: string;
    /**
     * An incomplete multipart upload (billed for its parts until aborted), with its id when
     * known; or the uploaded object itself.
     */
    readonly kind: 'multipartUpload' | 'object';
    readonly uploadId?: string;
}

/** Where the aws CLI must send the commands: the profile and a custom S3 endpoint, if any. */
export interface CliTarget {
    readonly profile?: string;
    readonly endpoint?: string;
    readonly region: string;
}

/** One sentence per leftover: what it is, where, and its id. */
export function describeLeftovers(leftovers: readonly UploadLeftover[]): string {
    return leftovers
        .map((left) => {
            const where = s3Uri(left.bucket, left.key);
            if (left.kind === 'object') {
                return `the object ${where} (it may be complete or not)`;
            }
            return left.uploadId === undefined
                ? `an incomplete multipart upload of ${where} (its upload id is unknown)`
                : `the incomplete multipart upload ${left.uploadId} of ${where}`;
        })
        .join('; ');
}

/** aws CLI commands that remove the leftovers, one per line. */
export function removalCommands(
    leftovers: readonly UploadLeftover[],
    target: CliTarget,
): string {
    const common = [
        `--region ${quote(target.region)}`,
        ...(target.profile === undefined ? [] : [`--profile ${quote(target.profile)}`]),
        ...(target.endpoint === undefined ? [] : [`--endpoint-url ${quote(target.endpoint)}`]),
    ].join(' ');
    return leftovers
        .map((left) => {
            const where = `--bucket ${quote(left.bucket)}`;
            if (left.kind === 'object') {
                return `aws s3api delete-object ${where} --key ${quote(left.key)} ${common}`;
            }
            return left.uploadId === undefined
                ? `aws s3api list-multipart-uploads ${where} --prefix ${quote(left.key)} ${common}`
                : `aws s3api abort-multipart-upload ${where} --key ${quote(left.key)} ` +
                      `--upload-id ${quote(left.uploadId)} ${common}`;
        })
        .join('\n');
}

/** What to tell the user about leftovers: which, and how to remove them. */
export function leftoverAdvice(leftovers: readonly UploadLeftover[]): string {
    const multipart = leftovers.some((left) => left.kind === 'multipartUpload');
    return (
        `Could not remove ${describeLeftovers(leftovers)}. ` +
        'Copy Removal Command gives the aws CLI command that removes ' +
        `${leftovers.length === 1 ? 'it' : 'them'}` +
        (multipart
            ? '; an S3 lifecycle rule that aborts incomplete multipart uploads also does.'
            : '.')
    );
}

/** Single-quoted for a POSIX shell. */
function quote(value: string): string {
    return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
