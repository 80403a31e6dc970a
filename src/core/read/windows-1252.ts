/**
 * Windows-1252's characters for bytes 0x80-0x9F, where it differs from Latin-1 (which has C1 controls
 * there): the euro sign, curly quotes, dashes, the ellipsis and a few letters. The five bytes the code
 * page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) read as U+FFFD. From the code page's published
 * mapping; 0xA0-0xFF are Latin-1's and need no table.
 */
export const WINDOWS_1252_C1: string =
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
  '\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';
