import fc from 'fast-check'

/**
 * fast-check arbitraries over an Arabic alphabet: fast-check's default strings are ASCII, which
 * would never exercise the normalizer. Characters are drawn from weighted groups.
 */
const chars = (s: string) => fc.constantFrom(...Array.from(s))

export const arabicLetter = chars('ءآأؤإئابةتثجحخدذرسشصضطظعغفقكلمنهوىيٱکیېےہۀۃھ')
export const haraka = chars('\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0670')
export const quranicMark = chars('\u0610\u0615\u06d6\u06da\u06df\u06e1\u06e2\u06e5\u06e6\u06e7\u06ed\u06dd')
export const tatweel = fc.constant('\u0640')
export const digit = chars('0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬')
export const latin = chars('abcXYZéÉİß')
export const space = chars('  \n\t\u200b')
export const punctuation = chars('،؛؟«»“”.,:;!?()-\'"<>&*')
export const invisible = chars('\u200c\u200d\u200e\u200f\u061c\u202b\u2067\u2069\u00ad\ufeff')
export const presentationForm = chars('ﷲﷺﻻﻷﺍﺑﻪﭖﹰﹱ﷽')
export const emoji = chars('😀👍🏽🇸🇦')
export const loneSurrogate = chars('\ud800\udfff')

/** One character (or short sequence) of the Arabic alphabet of the property tests. */
export const arabicChar = fc.oneof(
  { arbitrary: arabicLetter, weight: 30 },
  { arbitrary: haraka, weight: 10 },
  { arbitrary: quranicMark, weight: 3 },
  { arbitrary: tatweel, weight: 3 },
  { arbitrary: digit, weight: 4 },
  { arbitrary: latin, weight: 4 },
  { arbitrary: space, weight: 8 },
  { arbitrary: punctuation, weight: 4 },
  { arbitrary: invisible, weight: 2 },
  { arbitrary: presentationForm, weight: 2 },
  { arbitrary: emoji, weight: 1 },
  { arbitrary: loneSurrogate, weight: 1 },
)

/** Strings over the Arabic alphabet. */
export const arabicText = (maxLength = 60) => fc.array(arabicChar, { maxLength }).map((parts) => parts.join(''))

/** A word of Arabic letters with harakat between them. */
export const arabicWord = fc
  .array(fc.tuple(arabicLetter, fc.option(haraka, { nil: '' })), { minLength: 1, maxLength: 9 })
  .map((pairs) => pairs.map(([l, h]) => l + h).join(''))
