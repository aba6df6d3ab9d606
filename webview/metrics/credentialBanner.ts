/**
 * What the panel shows while AWS refuses the credentials: the service's message, a button per
 * fix (the host runs it; the page only asks) and why the charts stopped refreshing.
 */
import {
    fixActionLabels,
    type CredentialProblem,
    type FixAction,
} from '../../src/metrics/protocol';
import { el } from '../shared/dom';

export class CredentialBanner {
    readonly element = el('section', {
        className: 'credential-problem',
        attrs: { id: 'credential-problem', role: 'alert', hidden: '' },
    });

    constructor(private readonly fix: (action: FixAction) => void) {}

    render(problem: CredentialProblem | undefined): void {
        this.element.toggleAttribute('hidden', problem === undefined);
        if (problem === undefined) {
            this.element.replaceChildren();
            return;
        }
        const buttons = problem.actions.map((action, index) => {
            const button = el('vscode-button', {
                attrs: { 'data-fix': action, ...(index === 0 ? {} : { secondary: '' }) },
                text: fixActionLabels[action],
            });
            button.addEventListener('click', () => this.fix(action));
            return button;
        });
        this.element.replaceChildren(
            el('h2', { text: 'AWS did not accept the credentials' }),
            el('p', { className: 'message', text: problem.message }),
            el('div', { className: 'actions' }, ...buttons),
            el('p', {
                className: 'note',
                text:
                    'Live refresh is paused. It resumes by itself when the AWS profile or ' +
                    'connection changes; after renewing the credentials another way, ' +
                    'press Refresh.',
            }),
        );
    }
}
