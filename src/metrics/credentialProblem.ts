/**
 * Which failures mean the connection's credentials do not work, and what the panel offers for
 * them. Pure: the host holds the failure, the page only sees the message and the action names.
 */
import type { Failure, FailureKind } from '../shared/failure';
import type { CredentialProblem, FixAction } from './protocol';

const fixesByKind: Partial<Record<FailureKind, readonly FixAction[]>> = {
    noCredentials: ['configureProfile'],
    invalidCredentials: ['configureProfile'],
    ssoExpired: ['copyLoginCommand', 'configureProfile'],
};

/** The problem to show for a failure, or undefined when it is not about credentials. */
export function credentialProblem(failure: Failure): CredentialProblem | undefined {
    const actions = fixesByKind[failure.kind];
    return actions === undefined ? undefined : { message: failure.message, actions };
}
