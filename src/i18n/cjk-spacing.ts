/**
 * Spacing in Chinese text that embeds Latin words: one space where a Han character meets a Latin letter or digit,
 * none between Han characters or next to full-width punctuation ("HTTP 客户端通过 HTTP 与 nginx 1.22 通信").
 * Sentences built from parts are written without spaces and passed through this.
 */
const HAN = String.raw`\u3400-\u4dbf\u4e00-\u9fff`;
const LATIN = String.raw`A-Za-z0-9_`;
const HAN_THEN_LATIN = new RegExp(`([${HAN}])([${LATIN}])`, 'gu');
const LATIN_THEN_HAN = new RegExp(`([${LATIN}])([${HAN}])`, 'gu');

export function cjkSpacing(text: string): string {
  return text.replace(HAN_THEN_LATIN, '$1 $2').replace(LATIN_THEN_HAN, '$1 $2');
}
