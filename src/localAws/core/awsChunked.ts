/**
 * Decodes `content-encoding: aws-chunked` bodies: `hex[;chunk-signature=sig]\r\n data \r\n` chunks,
 * a zero-length final chunk, then optional trailer headers (`x-amz-checksum-crc32:...`) and an
 * optional `x-amz-trailer-signature`. Signed chunks are verified against the seed signature.
 */
import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';
import { LocalAwsError } from '../types';
import { EMPTY_SHA256, sha256Hex } from '../sigv4/canonical';
import { signatureOf } from '../sigv4/signingKey';
import { chunkSignatureMismatch } from './protocolErrors';

/** What is needed to check `chunk-signature` values (STREAMING-AWS4-HMAC-SHA256-PAYLOAD). */
export interface ChunkSigning {
    readonly signingKey: Buffer;
    readonly amzDate: string;
    readonly scope: string;
    /** The request's own signature, which seeds the chain. */
    readonly seedSignature: string;
}

const MAX_LINE = 8192;

type State = 'size' | 'data' | 'dataEnd' | 'trailer' | 'done';

export class AwsChunkedDecoder extends Transform {
    readonly trailers = new Map<string, string>();
    decodedBytes = 0;
    private state: State = 'size';
    private line: Buffer = Buffer.alloc(0);
    private remaining = 0;
    private chunkSignature: string | undefined;
    private chunkHash: Hash | undefined;
    private previousSignature: string | undefined;
    private trailerText = '';
    private trailerSignature: string | undefined;

    constructor(private readonly signing: ChunkSigning | undefined) {
        super();
        this.previousSignature = signing?.seedSignature;
    }

    override _transform(
        chunk: Buffer,
        _encoding: BufferEncoding,
        callback: TransformCallback,
    ): void {
        try {
            this.consume(chunk);
            callback();
        } catch (error) {
            callback(error as Error);
        }
    }

    override _flush(callback: TransformCallback): void {
        if (this.state !== 'done' && !(this.state === 'trailer' && this.line.length === 0)) {
            callback(
                new LocalAwsError(
                    'IncompleteBody',
                    400,
                    'The request body terminated unexpectedly',
                ),
            );
            return;
        }
        try {
            this.checkTrailerSignature();
            callback();
        } catch (error) {
            callback(error as Error);
        }
    }

    private consume(chunk: Buffer): void {
        let offset = 0;
        while (offset < chunk.length) {
            if (this.state === 'data') {
                const take = Math.min(this.remaining, chunk.length - offset);
                const piece = chunk.subarray(offset, offset + take);
                this.chunkHash?.update(piece);
                this.decodedBytes += take;
                this.push(piece);
                this.remaining -= take;
                offset += take;
                if (this.remaining === 0) {
                    this.state = 'dataEnd';
                }
                continue;
            }
            if (this.state === 'done') {
                return;
            }
            const newline = chunk.indexOf(0x0a, offset);
            const end = newline < 0 ? chunk.length : newline + 1;
            this.line =
                this.line.length === 0
                    ? chunk.subarray(offset, end)
                    : Buffer.concat([this.line, chunk.subarray(offset, end)]);
            offset = end;
            if (this.line.length > MAX_LINE) {
                throw new LocalAwsError(
                    'InvalidRequest',
                    400,
                    'aws-chunked framing line is too long',
                );
            }
            if (newline >= 0) {
                const text = this.line.toString('latin1').replace(/\r?\n$/, '');
                this.line = Buffer.alloc(0);
                this.onLine(text);
            }
        }
    }

    private onLine(text: string): void {
        switch (this.state) {
            case 'size':
                this.startChunk(text);
                return;
            case 'dataEnd':
                if (text !== '') {
                    throw new LocalAwsError(
                        'IncompleteBody',
                        400,
                        'aws-chunked chunk is longer than its declared size',
                    );
                }
                this.endChunk();
                return;
            case 'trailer':
                this.onTrailerLine(text);
                return;
            default:
                return;
        }
    }

    private startChunk(text: string): void {
        const [sizeText = '', ...extensions] = text.split(';');
        if (!/^[0-9a-fA-F]+$/.test(sizeText.trim())) {
            throw new LocalAwsError(
                'InvalidRequest',
                400,
                `Invalid aws-chunked chunk size: ${sizeText}`,
            );
        }
        this.remaining = parseInt(sizeText, 16);
        this.chunkSignature = undefined;
        for (const extension of extensions) {
            const [name, value] = extension.split('=');
            if (name?.trim() === 'chunk-signature') {
                this.chunkSignature = value?.trim();
            }
        }
        if (this.signing !== undefined) {
            if (this.chunkSignature === undefined) {
                throw new LocalAwsError(
                    'IncompleteSignature',
                    400,
                    'Chunk is missing its chunk-signature',
                );
            }
            this.chunkHash = createHash('sha256');
        }
        if (this.remaining === 0) {
            this.endChunk();
            this.state = 'trailer';
        } else {
            this.state = 'data';
        }
    }

    private endChunk(): void {
        if (this.signing !== undefined && this.chunkHash !== undefined) {
            const expected = this.chainedSignature(this.signing, 'AWS4-HMAC-SHA256-PAYLOAD', [
                EMPTY_SHA256,
                this.chunkHash.digest('hex'),
            ]);
            if (expected !== this.chunkSignature) {
                throw chunkSignatureMismatch();
            }
            this.previousSignature = expected;
            this.chunkHash = undefined;
        }
        if (this.state === 'dataEnd') {
            this.state = 'size';
        }
    }

    private onTrailerLine(text: string): void {
        if (text === '') {
            this.state = 'done';
            return;
        }
        const colon = text.indexOf(':');
        if (colon <= 0) {
            throw new LocalAwsError(
                'InvalidRequest',
                400,
                `Malformed aws-chunked trailer: ${text}`,
            );
        }
        const name = text.slice(0, colon).trim().toLowerCase();
        const value = text.slice(colon + 1).trim();
        if (name === 'x-amz-trailer-signature') {
            this.trailerSignature = value;
            return;
        }
        this.trailers.set(name, value);
        this.trailerText += `${name}:${value}\n`;
    }

    private checkTrailerSignature(): void {
        if (this.signing === undefined || this.trailers.size === 0) {
            return;
        }
        const expected = this.chainedSignature(this.signing, 'AWS4-HMAC-SHA256-TRAILER', [
            sha256Hex(this.trailerText),
        ]);
        if (expected !== this.trailerSignature) {
            throw chunkSignatureMismatch();
        }
    }

    /** The signature the next link of the chain must carry: over the previous one and `hashes`. */
    private chainedSignature(
        signing: ChunkSigning,
        algorithm: string,
        hashes: readonly string[],
    ): string {
        const lines = [algorithm, signing.amzDate, signing.scope, this.previousSignature ?? ''];
        return signatureOf(signing.signingKey, [...lines, ...hashes].join('\n'));
    }
}
