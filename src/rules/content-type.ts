// Content-type keys of responseTemplates / responseModels.
//
// Evidence (docs/aws/integration-responses.md, "Template keys"): `123` and `application-json` are rejected; `application/json`, `application/xml` and
// `text/html` are accepted. Everything else is UNVERIFIED. A false rejection would block a send AWS accepts, so we
// only require the shape every real media type has: `type/subtype` made of RFC 7230 token characters (which admits
// `*/*`, `application/*`, `application/vnd.api+json` and upper case), optionally followed by `; name=value`
// parameters. Anything without a slash is rejected, matching the two captured rejections.

const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const QUOTED = '"(?:[^"\\\\]|\\\\.)*"';
const CONTENT_TYPE_PATTERN = new RegExp(`^${TOKEN}/${TOKEN}(?:\\s*;\\s*${TOKEN}=(?:${TOKEN}|${QUOTED}))*$`);

export function isValidContentType(contentType: string): boolean {
  return CONTENT_TYPE_PATTERN.test(contentType);
}

/** The BadRequestException text AWS returns for a bad template content type (AWS-snapshot, 18-06-2025). */
export function invalidContentTypeMessage(contentType: string): string {
  return `Validation Result: warnings : [], errors : [Invalid content type specified: ${contentType}]`;
}
