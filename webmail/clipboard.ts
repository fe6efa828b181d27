/**
 * Copy plain text to the clipboard from a content script or an extension page. The async Clipboard
 * API first; if the page does not allow it, a hidden textarea and the copy command (focus is given
 * back afterwards, also inside shadow roots).
 */
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  try {
    const clip = doc.defaultView?.navigator.clipboard;
    if (clip?.writeText) {
      await clip.writeText(text);
      return true;
    }
  } catch {
    // fall through to the copy command
  }
  let active: Element | null = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  const ta = doc.createElement('textarea');
  try {
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.setAttribute('aria-hidden', 'true');
    ta.style.cssText = 'position:fixed;top:0;left:-9999px;opacity:0';
    (doc.body ?? doc.documentElement).append(ta);
    ta.select();
    return doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    ta.remove();
    if (active && 'focus' in active) (active as HTMLElement).focus();
  }
}
