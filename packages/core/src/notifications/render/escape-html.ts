/**
 * Text made safe for an HTML text node or a double-quoted attribute. Every value a mail shows
 * passes through here: a traveller named `<script>` reads as that, and nothing they type can close
 * an attribute.
 */
export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
