/** Where the AWS console lives for a region's partition (commercial, China, GovCloud). */
export function consoleOrigin(region: string, service?: 's3'): string {
    if (region.startsWith('cn-')) {
        return 'https://console.amazonaws.cn';
    }
    if (region.startsWith('us-gov-')) {
        return 'https://console.amazonaws-us-gov.com';
    }
    return service === 's3'
        ? 'https://s3.console.aws.amazon.com'
        : `https://${region}.console.aws.amazon.com`;
}

