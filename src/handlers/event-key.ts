import { MalformedInputError } from '../errors.js';

/**
 * Decodes an object key as S3 puts it in event notifications and Batch Operations manifests:
 * form-encoded, so `+` is a space and everything else is percent-encoded (`%2B` is a literal plus,
 * `%C3%A9` is "é").
 *
 * @example
 * decodeEventKey('incoming/caf%C3%A9+news.txt'); // 'incoming/café news.txt'
 */
export function decodeEventKey(encoded: string): string {
  try {
    return decodeURIComponent(encoded.replaceAll('+', ' '));
  } catch (error) {
    throw new MalformedInputError('The object key in the event is not valid percent-encoding', {
      cause: error,
    });
  }
}
