/**
 * Runs before anything else in the bundle: records any Content Security Policy violation (and
 * tells the host, which logs it), and hands Lit the page's nonce in case it ever has to fall
 * back from constructable stylesheets to <style> elements.
 */
import { send } from './host';

interface Guarded {
    litNonce?: string;
    bedrockBatchCspViolations?: string[];
}

const page = globalThis as typeof globalThis & Guarded;
const violations: string[] = [];
page.bedrockBatchCspViolations = violations;

const script = document.currentScript;
if (script instanceof HTMLScriptElement && script.nonce !== '') {
    page.litNonce = script.nonce;
}

document.addEventListener('securitypolicyviolation', (event) => {
    const blocked = event.blockedURI === '' ? event.sample : event.blockedURI;
    violations.push(`${event.effectiveDirective}: ${blocked}`);
    send({ type: 'cspViolation', directive: event.effectiveDirective, blocked });
});
