import { Converter } from 'opencc-js/t2cn';

// Taiwan and Hong Kong write traditional characters (帳號、兩次、無法); the phrase lists are
// written once, in simplified, and OpenCC's dictionaries map the one to the other.
const toSimplified = Converter({ from: 'tw', to: 'cn' });

const HAN = /\p{sc=Han}/u;
// Japanese writes kanji in its own forms (請求、決済) beside kana; those are not Chinese to convert.
const KANA = /[\p{sc=Hiragana}\p{sc=Katakana}]/u;

/** Chinese text in simplified characters; any other text (Japanese included) as it is. */
export function asSimplifiedChinese(text: string): string {
  return HAN.test(text) && !KANA.test(text) ? toSimplified(text) : text;
}
