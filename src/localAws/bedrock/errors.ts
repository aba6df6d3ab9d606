/** The Bedrock control plane's error names with their HTTP statuses. */
import { LocalAwsError } from '../types';

export function validationError(message: string): LocalAwsError {
    return new LocalAwsError('ValidationException', 400, message);
}

export function notFound(message: string): LocalAwsError {
    return new LocalAwsError('ResourceNotFoundException', 404, message);
}

export function conflict(message: string): LocalAwsError {
    return new LocalAwsError('ConflictException', 400, message);
}

export function quotaExceeded(message: string): LocalAwsError {
    return new LocalAwsError('ServiceQuotaExceededException', 400, message);
}

export function accessDenied(message: string): LocalAwsError {
    return new LocalAwsError('AccessDeniedException', 403, message);
}

export function throttled(
    message = 'Too many requests, please wait before trying again.',
): LocalAwsError {
    return new LocalAwsError('ThrottlingException', 429, message);
}

export function internalError(message = 'Internal server error'): LocalAwsError {
    return new LocalAwsError('InternalServerException', 500, message);
}
