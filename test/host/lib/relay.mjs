// Picks the extension host's own output out of code-server's log. code-server prefixes the
// first line of each stdout chunk with "[time] [client][id][ExtensionHostConnection] <pid> ";
// the chunk's further lines follow unprefixed until the next timestamped record.
const extensionHostLine = /^\[[\d:]+\] \[[^\]]*\]\[[^\]]*\]\[ExtensionHostConnection\] <\d+> (.*)$/;
const serverRecord = /^\[[\d:TZ.-]+\] /;
const hostMessages = /^(Launched Extension Host Process|Extension Host Process exited)/;

/** Returns a function that takes each log line and returns the text to show, or undefined. */
export function createExtensionHostRelay() {
    let insideOutput = false;
    return (line) => {
        const match = extensionHostLine.exec(line);
        if (match !== null) {
            insideOutput = !hostMessages.test(match[1]);
            return insideOutput && match[1] !== '' ? match[1] : undefined;
        }
        if (serverRecord.test(line)) {
            insideOutput = false;
            return undefined;
        }
        return insideOutput && line !== '' ? line : undefined;
    };
}
