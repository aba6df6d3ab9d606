import { createHmac } from 'node:crypto';
import { sha256Hex } from './canonical';

const cache = new Map<string, Buffer>();
const MAX_CACHED_KEYS = 64;

function hmac(key: string | Buffer, data: string): Buffer {
    return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** The derived key `AWS4<secret>` -> date -> region -> service -> aws4_request, cached. */
export function signingKey(
    secret: string,
    shortDate: string,
    region: string,
    service: string,
): Buffer {
    const cacheKey = `${secret}\n${shortDate}\n${region}\n${service}`;
    const cached = cache.get(cacheKey);
    if (cached) {
        return cached;
    }
    let key: Buffer = hmac(`AWS4${secret}`, shortDate);
    for (const part of [region, service, 'aws4_request']) {
        key = hmac(key, part);
    }
    if (cache.size >= MAX_CACHED_KEYS) {
        const oldest = cache.keys().next();
        if (oldest.done !== true) {
            cache.delete(oldest.value);
        }
    }
    cache.set(cacheKey, key);
    return key;
}

export function signatureOf(key: Buffer, stringToSign: string): string {
    return createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
}

export function stringToSign(
    algorithm: string,
    amzDate: string,
    scope: string,
    payload: string,
): string {
    return `${algorithm}\n${amzDate}\n${scope}\n${sha256Hex(payload)}`;
}
