// Control characters other than tab, newline and carriage return are not allowed in XML 1.0.
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const XML_SPECIAL = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
// eslint-disable-next-line no-control-regex -- as above
const XML_SPECIAL_GLOBAL = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

function replacement(character: string): string {
  switch (character) {
    case '&':
      return '&amp;';
    case '<':
      return '&lt;';
    case '>':
      return '&gt;';
    case '"':
      return '&quot;';
    case "'":
      return '&apos;';
    default:
      // Control characters are not allowed in XML 1.0, even escaped: AWS drops them too.
      return '';
  }
}

/** Escapes text for an XML element or attribute (fast path when there is nothing to escape). */
export function escapeXml(text: string): string {
  return XML_SPECIAL.test(text) ? text.replace(XML_SPECIAL_GLOBAL, replacement) : text;
}

/** `<name>escaped text</name>`. */
export function xmlLeaf(name: string, text: string | number | boolean): string {
  return `<${name}>${typeof text === 'string' ? escapeXml(text) : String(text)}</${name}>`;
}
