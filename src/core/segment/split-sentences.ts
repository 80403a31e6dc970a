// PLACEHOLDER until the sentence splitter lands: splits on terminal punctuation followed by a space
// and a capital. Interface is final: text in (one paragraph or more), trimmed sentences out.
export function splitSentences(text: string): string[] {
  return text
    .split(/\n\s*\n|(?<=[.!?]["”’)]?)\s+(?=["“‘(]?\p{Lu})/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
