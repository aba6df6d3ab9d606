/** The Batch Metrics page: the shared webview page with the metrics bundle and title. */
import { webviewHtml, type PageResources } from '../shared/webviewHtml';
import { metricsPanelTitle } from './protocol';

export function panelHtml(resources: PageResources, nonce?: string): string {
    return webviewHtml(
        resources,
        { title: metricsPanelTitle, placeholder: 'Loading batch metrics…', images: true },
        nonce,
    );
}
