import * as assert from 'node:assert/strict';
import { createNonce } from '../../../src/shared/webviewHtml';

describe('webview page', () => {
    it('uses a fresh random nonce per page', () => {
        const nonces = new Set(Array.from({ length: 20 }, () => createNonce()));
        assert.equal(nonces.size, 20);
        for (const nonce of nonces) {
            assert.match(nonce, /^[A-Za-z0-9+/]{24}$/);
        }
    });
});
