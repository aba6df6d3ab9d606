import type {
    HandlerExecutionContext,
    InitializeHandler,
    InitializeHandlerArguments,
    InitializeHandlerOutput,
    InitializeMiddleware,
    MetadataBearer,
} from '@smithy/types';
import type { Log } from '../shared/log';

interface FailedCall {
    readonly name?: string;
    readonly $metadata?: MetadataBearer['$metadata'];
}

/**
 * Logs every AWS call at debug: operation, region, duration, attempts and request id. It sees
 * the command's input but never logs it, nor credentials, tokens or response bodies.
 */
export function callLogger(log: Log, region: string): InitializeMiddleware<object, MetadataBearer> {
    return (next: InitializeHandler<object, MetadataBearer>, context: HandlerExecutionContext) =>
        async (args: InitializeHandlerArguments<object>): Promise<InitializeHandlerOutput<MetadataBearer>> => {
            const started = Date.now();
            const operation = context.commandName ?? 'unknown operation';
            try {
                const result = await next(args);
                const meta = result.output.$metadata;
                log.debug(
                    `${operation} ${region} ${Date.now() - started} ms, attempts ${meta.attempts ?? 1}, ` +
                        `request ${meta.requestId ?? '-'}`,
                );
                return result;
            } catch (error) {
                const failed = error as FailedCall;
                log.debug(
                    `${operation} ${region} failed after ${Date.now() - started} ms: ` +
                        `${failed.name ?? 'Error'} (HTTP ${failed.$metadata?.httpStatusCode ?? '-'}, ` +
                        `request ${failed.$metadata?.requestId ?? '-'})`,
                );
                throw error;
            }
        };
}
