/**
 * Text from a page, made safe to put into HTML without changing its length in UTF-16 code units,
 * so that offsets counted in the DOM's text are the page's own offsets.
 *
 * - `&`, `<`, `>`, `"` and `'` become character references: no markup, no attribute break-out.
 * - A lone surrogate (no valid UTF-16; it would be written as U+FFFD by any encoder anyway) and NUL
 *   (dropped by the HTML parser) become U+FFFD, one code unit for one.
 * - CR becomes `&#13;`: the HTML parser turns a literal CR and CRLF into LF, which would shift every
 *   later offset; the character reference keeps the CR in the DOM.
 */
export function escapeText(text: string): string {
  return text.replace(/[&<>"'\r\0]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) => {
    switch (c) {
      case "&":
        return "&amp;";
      case "<":
        return "&lt;";
      case ">":
        return "&gt;";
      case '"':
        return "&quot;";
      case "'":
        return "&#39;";
      case "\r":
        return "&#13;";
      default:
        return "\ufffd";
    }
  });
}

/** The same text as it shows in the DOM: lone surrogates and NUL as U+FFFD, everything else as is. */
export function displayText(text: string): string {
  return text.replace(/\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}
