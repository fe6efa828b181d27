/**
 * Background: runs the classifier for the content scripts (see entrypoints/gmail.content for why).
 * Answers only messages from this extension's own scripts.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleClassifyRequest } from '../webmail/classify-service';
import { isClassifyRequest } from '../webmail/messages';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id || !isClassifyRequest(message)) return undefined;
    return handleClassifyRequest(message);
  });
});
