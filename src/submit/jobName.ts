/**
 * Job names as CreateModelInvocationJob accepts them: the API model's pattern plus its length cap
 * of 63 (the pattern alone would let longer names through).
 */
import { foldToAscii, stripExtension } from './asciiName';

export const JOB_NAME_MAX_LENGTH = 63;
export const JOB_NAME_PATTERN = /^[a-zA-Z0-9]{1,63}(-*[a-zA-Z0-9+\-.]){0,63}$/;

/** Why Bedrock would reject the name, or undefined when it is valid. */
export function jobNameProblem(name: string): string | undefined {
    if (name === '') {
        return 'Enter a job name.';
    }
    if (name.length > JOB_NAME_MAX_LENGTH) {
        const max = JOB_NAME_MAX_LENGTH;
        return `A job name has at most ${max} characters (this one has ${name.length}).`;
    }
    if (!/^[a-zA-Z0-9]/.test(name)) {
        return 'A job name starts with a letter or a digit.';
    }
    const bad = [...name].find((c) => !/[a-zA-Z0-9+\-.]/.test(c));
    if (bad !== undefined) {
        const shown = bad === ' ' ? 'spaces are' : `"${bad}" is`;
        return `A job name has letters, digits and + - . only; ${shown} not allowed.`;
    }
    return JOB_NAME_PATTERN.test(name) ? undefined : 'Not a valid job name.';
}

/** `20240307-154501`, in UTC so names do not depend on the machine's time zone. */
export function timeStamp(now: Date): string {
    const iso = now.toISOString();
    return `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}`;
}

/**
 * A valid job name from a file (or folder) name and the time, e.g. `my-calls-20240307-154501`.
 * The stem is cut so the whole name fits in 63 characters.
 */
export function generateJobName(sourceName: string, now: Date): string {
    const stamp = timeStamp(now);
    const room = JOB_NAME_MAX_LENGTH - stamp.length - 1;
    const stem = foldToAscii(stripExtension(sourceName), /[a-zA-Z0-9+.-]/)
        .replace(/^[^a-zA-Z0-9]+/, '')
        .slice(0, room)
        .replace(/[^a-zA-Z0-9]+$/, '');
    return stem === '' ? `batch-${stamp}` : `${stem}-${stamp}`;
}
