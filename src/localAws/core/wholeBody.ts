/**
 * Reads the body of a module that does not stream: whole, within the module's size limit, with
 * aws-chunked framing removed and gzip undone.
 */
import { gunzipSync } from 'node:zlib';
import { LocalAwsError } from '../types';
import type { ServiceModule } from '../types';
import type { Exchange } from './exchange';
import * as errors from './protocolErrors';
import { decodeBody, readAll } from './requestBody';
import type { BodyPlan } from './requestBody';

const DEFAULT_MAX_BODY = 20 * 1024 * 1024;

export interface WholeBody {
    readonly body: Buffer;
    /** The client's checksums that matched the body. */
    readonly checksums: ReadonlyMap<string, string>;
}

/** `checkRaw` sees the bytes as sent (still gzipped), before anything else is done with them. */
export async function readWholeBody(
    ex: Exchange,
    module: ServiceModule,
    plan: BodyPlan,
    checkRaw: (raw: Buffer) => void,
): Promise<WholeBody> {
    const decoded = decodeBody(ex.req, { ...plan, gunzip: false, expectedSha256: undefined });
    const limit = module.maxBodyBytes ?? DEFAULT_MAX_BODY;
    const tooLarge = (): LocalAwsError => errors.bodyTooLarge(ex.protocol, limit);
    const raw = await readAll(decoded.stream, limit, tooLarge);
    checkRaw(raw);
    const body = plan.gunzip ? gunzipWithin(raw, limit, tooLarge) : raw;
    return { body, checksums: decoded.checksums };
}

function gunzipWithin(raw: Buffer, limit: number, tooLarge: () => LocalAwsError): Buffer {
    try {
        return gunzipSync(raw, { maxOutputLength: limit });
    } catch (error) {
        if (error instanceof RangeError) {
            throw tooLarge();
        }
        throw new LocalAwsError(
            'SerializationException',
            400,
            'The request body is not valid gzip',
        );
    }
}
