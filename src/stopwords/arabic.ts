/**
 * The Arabic stop words of fahras, stored already normalized (as `normalize()` with the default
 * options writes them: ا for أ إ آ, ي for ى and ئ, ه for ة, و for ؤ).
 *
 * Source: compiled for fahras by its authors from the closed classes of Arabic grammar
 * (prepositions, pronouns, demonstratives, relative pronouns, particles, auxiliary verbs and
 * question words, with the glued forms common on the web such as ماهو and بماذا) and their most
 * frequent forms with the clitics و، ف، ب، ل and the attached
 * pronouns. Licence: MIT, as the rest of fahras. `علي` is left out on purpose: it is both the
 * preposition على and the name Ali, which users search for.
 */
const PREPOSITIONS_WITH_PRONOUNS = 'في من الي علي عن مع ل ب عند لدي بين'.split(' ')
const ATTACHED_PRONOUNS = 'ه ها هم هما هن نا ي ك كم كما'.split(' ')

/**
 * The prepositions that take attached pronouns (فيه، منها، عليهم، لنا، بكم…), generated:
 * every preposition of the list with every pronoun. (A few generated forms are never written,
 * such as مننا for منا; they match nothing.)
 */
const PRONOMINAL_PREPOSITIONS = PREPOSITIONS_WITH_PRONOUNS.flatMap((p) => ATTACHED_PRONOUNS.map((s) => p + s))

/** Words that also take the conjunctions و and ف as stop words: وفي، ومن، فان، فهو… */
const WITH_CONJUNCTION =
  'في من الي عن مع حتي عند بين بعد قبل خلال دون هو هي هم هما هن نحن انا لا ما لم لن ان انه انها كان كانت هذا هذه ذلك تلك الذي التي الذين هناك هنا كل بعض غير ثم لكن اما اذا لو كما حيث عندما ليس ليست له لها لهم به بها فيه فيها منه منها منهم عليه عليها اليه عنه معه ايضا قد لقد'.split(
    ' ',
  )

export const ARABIC_STOP_WORDS: readonly string[] = [
  ...PRONOMINAL_PREPOSITIONS,
  ...WITH_CONJUNCTION.flatMap((w) => [`و${w}`, `ف${w}`]),
  ...(
    'منا عنا فينا عليه ' +
    // prepositions
    'في من الي عن مع حتي منذ مذ عند لدي لدن بين نحو دون سوي ' +
    'خلال عبر ضد حول امام وراء فوق تحت بعد قبل اثناء ازاء تجاه لدي ' +
    'كي لكي رب عدا خلا حاشا ' +
    // pronouns
    'انا نحن انت انتم انتما انتن هو هي هما هم هن ' +
    'اياه اياها اياهم اياي اياك اياكم ايانا ' +
    // demonstratives and place adverbs
    'هذا هذه هذان هاتان هذين هاتين هولاء ذلك تلك ذانك اوليك اولايك ' +
    'هنا هناك هنالك ثمه ' +
    // relative pronouns
    'الذي التي اللذان اللتان اللذين اللتين الذين اللاتي اللواتي اللايي ' +
    // particles and conjunctions
    'ان انه انها انهم انهما انني اننا انك لان لانه لانها لانهم ' +
    'و ف ب ل ك ثم او ام اما بل لكن لكنه لكنها لكنهم ' +
    'قد لقد لم لن لا ما ليس ليست لست لسنا ليسوا سوف ' +
    'اذا اذ اذن لو لولا لوما كلما لما حين حينما عندما بينما حيث ريثما ' +
    'كما مثل مثلما كان كانت كانوا يكون تكون يكونوا كنت كنا اصبح اصبحت ' +
    'ظل ظلت مازال مازالت لايزال لاتزال زال مادام بات باتت صار صارت ' +
    'كل بعض جميع كلا كلتا غير ذات ذو ذي ذا ايضا فقط جدا اكثر اقل ' +
    'عليه اي ايه ايها ايتها يا اجل نعم بلي كذلك هكذا اما الا الي سوي ' +
    'تم يتم وقد فقد قد ولقد انما كانما كان كانه كانها لعل ليت عسي ' +
    // question words
    'هل كم كيف متي اين ماذا لماذا بماذا وماذا ماهو ماهي ماهم لمن بمن باي لاي فاي واي ممن مما عما فيما بما لما مم اني ' +
    'فقط فيما بان بانه بانها كانوا لكل بكل وبكل ولكل '
  )
    .trim()
    .split(' '),
]
