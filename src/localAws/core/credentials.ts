import { randomBytes } from 'node:crypto';

export interface LocalCredentials {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    readonly sessionToken?: string;
    /** Real time (ms) after which a temporary key is refused with ExpiredToken. */
    readonly expiresAtMs?: number;
}

/** A key the endpoint knows, with the identity it stands for. */
export interface KnownKey extends LocalCredentials {
    /** IAM ARN returned by GetCallerIdentity for this key. */
    readonly arn: string;
    readonly userId: string;
}

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function randomKeyId(prefix: 'AKIA' | 'ASIA'): string {
    const bytes = randomBytes(16);
    let id = prefix;
    for (const byte of bytes) {
        id += KEY_ALPHABET[byte % KEY_ALPHABET.length] ?? 'A';
    }
    return id;
}

export function generateCredentials(): LocalCredentials {
    return {
        accessKeyId: randomKeyId('AKIA'),
        secretAccessKey: randomBytes(30).toString('base64').replace(/[+/]/g, 'x'),
    };
}

/** The long-term key plus temporary keys issued by STS or by tests. */
export class CredentialStore {
    private readonly keys = new Map<string, KnownKey>();

    constructor(
        primary: LocalCredentials,
        private readonly accountId: string,
    ) {
        this.keys.set(primary.accessKeyId, {
            ...primary,
            arn: `arn:aws:iam::${accountId}:user/local-user`,
            userId: `AIDA${primary.accessKeyId.slice(4, 20)}`,
        });
    }

    find(accessKeyId: string): KnownKey | undefined {
        return this.keys.get(accessKeyId);
    }

    /** Issues an ASIA key with a session token, as STS GetSessionToken / AssumeRole do. */
    issueTemporary(ttlMs: number, arn?: string, userId?: string): KnownKey {
        const accessKeyId = randomKeyId('ASIA');
        const key: KnownKey = {
            accessKeyId,
            secretAccessKey: randomBytes(30).toString('base64').replace(/[+/]/g, 'x'),
            sessionToken: `IQoJb3JpZ2luX2VjE${randomBytes(96).toString('base64')}`,
            expiresAtMs: Date.now() + ttlMs,
            arn: arn ?? `arn:aws:iam::${this.accountId}:user/local-user`,
            userId: userId ?? `AIDA${accessKeyId.slice(4, 20)}`,
        };
        this.keys.set(accessKeyId, key);
        return key;
    }
}
