/** The results page: the shared webview page with the results bundle and title. */
import { webviewHtml, type PageResources } from '../shared/webviewHtml';

export function resultsHtml(resources: PageResources, nonce?: string): string {
    return webviewHtml(
        resources,
        { title: 'Batch Results', placeholder: 'Reading results…' },
        nonce,
    );
}
