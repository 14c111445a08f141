import { execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { ERROR_CODES } from '../src/errors.js'
import {
  MAX_WARNINGS,
  pageFromHtml,
  pageFromMarkdown,
  parseFieldSpecs,
  readHtmlPage,
  readMarkdownPage,
  readSitePages,
  type SiteFile,
} from '../src/site/pages/index.js'
import { expectCoded } from './expect-coded.js'

// The page readers of `fahras site`: one test per rule of src/site/pages/ (URL, title, language,
// text selection, ignore, meta, filters, skipped pages, Markdown, the walk of a site's folder).

const page = (html: string, path = 'index.html', baseUrl?: string) =>
  pageFromHtml(html, baseUrl === undefined ? { path } : { path, baseUrl })
const text = (html: string) => page(html)!.text
const read = (html: string, path = 'p.html') => readHtmlPage(html, { path })

describe('URL from the path', () => {
  it('index.html stands for its folder; another .html is published as it is', () => {
    expect(page('<title>t</title>', 'index.html')!.url).toBe('/')
    expect(page('<title>t</title>', 'blog/index.html')!.url).toBe('/blog/')
    expect(page('<title>t</title>', 'blog/post.html')!.url).toBe('/blog/post.html')
    expect(page('<title>t</title>', 'a/b.htm')!.url).toBe('/a/b.htm')
  })
  it('baseUrl prefixes it (a `/` added when missing), a path or an http(s) URL', () => {
    expect(page('<title>t</title>', 'a/index.html', '/docs')!.url).toBe('/docs/a/')
    expect(page('<title>t</title>', 'a/b.html', '/docs/')!.url).toBe('/docs/a/b.html')
    expect(page('<title>t</title>', 'a/b.html', 'https://example.org/docs')!.url).toBe(
      'https://example.org/docs/a/b.html',
    )
  })
  it('Arabic file names are kept as they are; spaces, # and ? are percent-encoded', () => {
    expect(page('<title>t</title>', 'مقالات/الأولى.html')!.url).toBe('/مقالات/الأولى.html')
    expect(page('<title>t</title>', 'مقالات/index.html', '/مدونة/')!.url).toBe('/مدونة/مقالات/')
    expect(page('<title>t</title>', 'a b/c#d?.html')!.url).toBe('/a%20b/c%23d%3F.html')
  })
  it('a path that is not relative with / separators, or a bad baseUrl, is a coded error', () => {
    for (const path of ['/a.html', 'a\\b.html', '../a.html', 'a/./b.html', 'a//b.html', '']) {
      expectCoded(
        () => pageFromHtml('', { path }),
        ERROR_CODES.INVALID_OPTION,
        /pageFromHtml\(\) expected `path` to be a path relative to the site's folder/,
      )
    }
    expectCoded(
      () => pageFromHtml('', { path: 'a.html', baseUrl: 'docs' }),
      ERROR_CODES.INVALID_OPTION,
      /`baseUrl` expects a path from the site's root \(\/blog\/\) or an http\(s\) URL.*got "docs"/,
    )
    expectCoded(
      () => pageFromHtml('', { path: 'a.html', baseUrl: 'ftp://x/' }),
      ERROR_CODES.INVALID_OPTION,
      /`baseUrl` expects/,
    )
    expectCoded(
      () => pageFromHtml('', { path: 'a.html', base: '/' } as never),
      ERROR_CODES.INVALID_OPTION,
      /unknown option `base`; expected one of `path`, `baseUrl`, `robots`/,
    )
    expectCoded(
      () => pageFromHtml('', { path: 7 } as never),
      ERROR_CODES.INVALID_OPTION,
      /expected `path` to be a string, got `7` \(number\)/,
    )
    expectCoded(
      () => pageFromHtml('', undefined as never),
      ERROR_CODES.INVALID_OPTION,
      /expected a second argument `\{ path \}`/,
    )
    expectCoded(
      () => pageFromHtml(42 as never, { path: 'a.html' }),
      ERROR_CODES.INVALID_ARGUMENT,
      /pageFromHtml\(\) expected `html` to be a string, got `42`/,
    )
    expectCoded(
      () => pageFromMarkdown('', { path: 'a.md', robots: false } as never),
      ERROR_CODES.INVALID_OPTION,
      /unknown option `robots`/,
    )
  })
})

describe('title and language', () => {
  it('the title is the first non-empty <title>, on one line', () => {
    expect(page('<title>  </title><title>\n  عن   الموقع \n</title><h1>عنوان</h1>')!.title).toBe('عن الموقع')
  })
  it('without a <title>, the first non-empty <h1>', () => {
    expect(page('<h1> </h1><h1>الأخبار <b>اليوم</b></h1><h1>ثان</h1><p>نص</p>')!.title).toBe('الأخبار اليوم')
  })
  it("the <title> of an <svg> (an icon's tooltip) is not the page's title", () => {
    expect(page('<body><svg><title>أيقونة</title></svg><h1>المقال</h1></body>')!.title).toBe('المقال')
  })
  it('data-fahras-meta="title" wins, and is not repeated in meta', () => {
    const p = page('<title>المقال | موقعي</title><h1 data-fahras-meta="title">المقال</h1>')!
    expect(p.title).toBe('المقال')
    expect(p.meta).toEqual({})
  })
  it("lang is <html lang>, trimmed; '' when none", () => {
    expect(page('<html lang=" ar-EG "><title>t</title></html>')!.lang).toBe('ar-EG')
    expect(page('<html><title>t</title></html>')!.lang).toBe('')
    expect(page('<title>t</title>')!.lang).toBe('')
  })
})

describe("which text is the page's", () => {
  const chrome = '<nav>القائمة</nav><header>رأس</header><footer>تذييل</footer><aside>جانب</aside>'
  it('data-fahras-body: all of the marked elements, in order, each on its own line; nothing else', () => {
    const r = read(
      `<body>${chrome}<main>رئيسي</main><span data-fahras-body>كت</span>بين<span data-fahras-body>اب <nav>فهرس</nav></span></body>`,
    )
    expect(r.page!.text).toBe('كت\nاب\nفهرس')
    expect(r.content).toBe('data-fahras-body')
  })
  it('a data-fahras-body that is empty still says where the content is: the text is empty, the title kept', () => {
    const r = read('<title>صفحة</title><main>رئيسي</main><div data-fahras-body></div>')
    expect(r.page).toMatchObject({ title: 'صفحة', text: '' })
  })
  it('else <main> (all of them), less the <nav> inside it (breadcrumbs, table of contents, sidebars)', () => {
    const r = read(
      `<body>${chrome}<main><nav>فهرس</nav><header>عنوان المقال</header><p>الأول</p></main><article>مقال</article><main>الثاني</main></body>`,
    )
    expect(r.page!.text).toBe('عنوان المقال\nالأول\nالثاني')
    expect(r.content).toBe('main')
  })
  it('else <article>: all of them in order (a listing is indexed whole), a nested one once', () => {
    const r = read(
      `<body>${chrome}<article><h2>أول</h2><article>تعليق</article></article><p>خارج</p><article>ثان</article></body>`,
    )
    expect(r.page!.text).toBe('أول\nتعليق\nثان')
    expect(r.content).toBe('article')
  })
  it('else the body less <nav>, <header>, <footer> and <aside>', () => {
    const r = read(`<body>${chrome}<div>المحتوى</div><p>فقرة</p></body>`)
    expect(r.page!.text).toBe('المحتوى\nفقرة')
    expect(r.content).toBe('body')
  })
  it('an empty <main> (filled by scripts) falls through to the next', () => {
    expect(read('<main> <script>x()</script></main><article>مقال</article>').content).toBe('article')
    expect(read('<main></main><p>نص</p>').page!.text).toBe('نص')
  })
})

describe('data-fahras-ignore', () => {
  it('leaves the text out; meta and filters inside still count, and so does an <h1> for the title', () => {
    const p = page(
      '<main><h1 data-fahras-ignore>العنوان</h1><p>نص <span data-fahras-ignore>مخفي</span>ظاهر</p><div data-fahras-ignore="index"><span data-fahras-meta="author">علي</span><b data-fahras-filter="tag">أ</b></div></main>',
    )!
    expect(p.text).toBe('نص ظاهر')
    expect(p.title).toBe('العنوان')
    expect(p.meta).toEqual({ author: 'علي' })
    expect(p.filters).toEqual({ tag: ['أ'] })
  })
  it('="all" leaves out meta, filters and the <h1> inside too', () => {
    const p = page(
      '<main><div data-fahras-ignore="all"><h1>ليس عنوانا</h1><span data-fahras-meta="author">علي</span></div><h1>العنوان</h1><p data-fahras-meta="x:1">نص</p></main>',
    )!
    expect(p).toMatchObject({ title: 'العنوان', text: 'العنوان\nنص', meta: { x: '1' }, filters: {} })
  })
  it('another value is a warning (and the text is left out)', () => {
    const r = read('<p>أ</p><p data-fahras-ignore="yes">ب</p>')
    expect(r.page!.text).toBe('أ')
    expect(r.warnings).toEqual(['data-fahras-ignore="yes" on <p>: expected "", "index" or "all"; the text is left out'])
  })
})

describe('meta and filters', () => {
  it("key: the element's text, trimmed, spaces collapsed", () => {
    expect(page('<p data-fahras-meta="author">\n  محمد   <b>علي</b>\n</p>')!.meta).toEqual({ author: 'محمد علي' })
  })
  it('key:value: a literal (after the first colon, so it may hold colons)', () => {
    expect(page('<p data-fahras-meta="image:https://example.org/a.png">نص</p>')!.meta).toEqual({
      image: 'https://example.org/a.png',
    })
  })
  it("key[attr]: the value of the element's attribute", () => {
    expect(page('<p>نص<img src="/صورة.png" data-fahras-meta="image[src]"></p>')!.meta).toEqual({ image: '/صورة.png' })
  })
  it('several, separated by commas', () => {
    expect(
      page('<time datetime="2024-05-01" data-fahras-meta="date[datetime], when, kind:خبر">أمس</time>')!.meta,
    ).toEqual({ date: '2024-05-01', when: 'أمس', kind: 'خبر' })
  })
  it('anywhere in the page, <head> included; a key keeps its first value', () => {
    const p = page(
      '<head><meta data-fahras-meta="description[content]" content="وصف"><title>t</title></head><body><p data-fahras-meta="description">آخر</p></body>',
    )!
    expect(p.meta).toEqual({ description: 'وصف' })
  })
  it('filters: values accumulate into lists, each once, in document order (<head> included)', () => {
    const p = page(
      '<head><meta data-fahras-filter="section[content]" content="أخبار"></head><body><span data-fahras-filter="section">رياضة</span><i data-fahras-filter="section:أخبار, year:2024"></i><b data-fahras-filter="section"> رياضة </b></body>',
    )!
    expect(p.filters).toEqual({ section: ['أخبار', 'رياضة'], year: ['2024'] })
  })
  it("an outer element's text value takes its place in order at its start", () => {
    expect(page('<div data-fahras-filter="t">أ <span data-fahras-filter="t:ب"></span></div>')!.filters).toEqual({
      t: ['أ', 'ب'],
    })
  })
  it('malformed specs are warnings, never exceptions; the good parts still count', () => {
    const r = read(
      '<img src="/a.png" data-fahras-meta="image[src], bad[, :x, author date[datetime], alt[alt], e:, ,"><p data-fahras-filter="">نص</p>',
    )
    expect(r.page!.meta).toEqual({ image: '/a.png' })
    expect(r.warnings).toEqual([
      'data-fahras-meta on <img>: "bad[" is not understood (expected key, key:value or key[attribute])',
      'data-fahras-meta on <img>: ":x" has no key (expected key, key:value or key[attribute])',
      'data-fahras-meta on <img>: "author date[datetime]": a key is one word (a comma forgotten?)',
      'data-fahras-meta on <img>: "e:" has an empty value after the colon',
      'data-fahras-meta on <img>: an empty part between commas in "image[src], bad[, :x, author date[datetime], alt[alt], e:, ,"',
      'data-fahras-meta on <img>: an empty part between commas in "image[src], bad[, :x, author date[datetime], alt[alt], e:, ,"',
      'data-fahras-meta on <img>: alt[alt] but the element has no alt attribute',
      'data-fahras-filter on <p>: the value is empty (expected key, key:value or key[attribute])',
    ])
  })
  it(`at most ${MAX_WARNINGS} warnings a page, then a count of the rest`, () => {
    const r = read('<p data-fahras-meta="x[">نص</p>'.repeat(25))
    expect(r.warnings).toHaveLength(MAX_WARNINGS + 1)
    expect(r.warnings.at(-1)).toBe('… and 15 more warnings like these')
  })
  it('warnings and reasons are one line each, with controls, bidi controls and line breaks escaped', () => {
    const evil = '\u001b]52;c;x\u0007\u202e\n'
    const r = read(
      `<p data-fahras-meta="${evil}[" data-fahras-ignore="${evil}"><img data-fahras-meta="k[${evil}x]">نص</p>`,
    )
    expect(r.warnings).toHaveLength(3)
    expect(r.warnings[0]).toBe(
      'data-fahras-ignore="\\u001b]52;c;x\\u0007\\u202e\\n" on <p>: expected "", "index" or "all"; the text is left out',
    )
    for (const line of r.warnings) expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/)
    const stub = read(`<meta http-equiv="refresh" content="0; url=/x${evil}">`)
    expect(stub.skipped).toBe('a redirect to "/x\\u001b]52;c;x\\u0007\\u202e" (<meta http-equiv="refresh">)')
  })
  it('a key such as __proto__ is a plain property', () => {
    const p = page(
      '<p data-fahras-meta="__proto__:x, constructor[constructor]" data-fahras-filter="__proto__:y">نص</p>',
    )!
    expect(Object.getPrototypeOf(p.meta)).toBe(Object.prototype)
    expect(Object.hasOwn(p.meta, '__proto__')).toBe(true)
    expect(p.meta.__proto__ as unknown).toBe('x')
    expect(Object.hasOwn(p.filters, '__proto__')).toBe(true)
    expect(Object.hasOwn(p.meta, 'constructor')).toBe(false)
  })
  it('parseFieldSpecs reads the three forms', () => {
    expect(parseFieldSpecs(' author , image[SRC], date:2024-05-01 ')).toEqual({
      specs: [
        { key: 'author', from: 'text' },
        { key: 'image', from: 'attribute', attribute: 'src' },
        { key: 'date', from: 'literal', value: '2024-05-01' },
      ],
      problems: [],
    })
  })
})

describe('text', () => {
  it('character references are decoded', () => {
    expect(text('<p>&quot;كتاب&quot; &amp; قلم&nbsp;&#1605;&#x0646;</p>')).toBe('"كتاب" & قلم من')
  })
  it('markup written as text stays text: &lt;script&gt; is the text <script>', () => {
    const p = page('<title>&lt;script&gt;alert(1)&lt;/script&gt;</title><p>اكتب &lt;script&gt; هنا</p>')!
    expect(p.text).toBe('اكتب <script> هنا')
    expect(p.title).toBe('<script>alert(1)</script>')
  })
  it('inline tags add nothing: <b>كت</b>اب is one word', () => {
    expect(text('<p><b>كت</b>اب <a href="/x">ال<i>قلم</i></a></p>')).toBe('كتاب القلم')
  })
  it('block elements start lines', () => {
    expect(
      text(
        '<ul><li>أ</li><li>ب</li></ul>ج<br>د<table><tr><td>هـ</td><td>و</td></tr></table><details><summary>ز</summary>ح</details>',
      ),
    ).toBe('أ\nب\nج\nد\nهـ\nو\nز\nح')
  })
  it('script, style, template, noscript, svg and comments are never text (nor meta)', () => {
    const p = page(
      '<main>أ<script>var x = "سر"</script><style>p{}</style><template><p>قالب</p></template><noscript>بلا</noscript><svg><text>رسم</text></svg><!-- تعليق -->ب<p data-fahras-meta="m">ج<script>s()</script></p></main>',
    )!
    expect(p.text).toBe('أب\nج')
    expect(p.meta).toEqual({ m: 'ج' })
    expect(page('<main>نص<template><p data-fahras-meta="m:x"></p></template></main>')!.meta).toEqual({})
  })
  it('a leading byte-order mark is dropped', () => {
    expect(page('\ufeff<p>نص</p>')!.text).toBe('نص')
  })
  it('any string is read without an exception (broken HTML, deep nesting)', () => {
    expect(text(`${'<div>'.repeat(50_000)}عميق`)).toBe('عميق')
    expect(text('<p>أ</span></div><b><i>ب</p><td>ج')).toBe('أب\nج')
    const pieces = fc.constantFrom(
      '<p>',
      '</p>',
      '<main>',
      '</main>',
      '<script>',
      '</script>',
      '<b>',
      '</b>',
      'كتاب',
      ' ',
      '&amp;',
      '&',
      '<',
      '>',
      '"',
      '<!--',
      '-->',
      '<h1>',
      '</h1>',
      '<nav>',
      '<div data-fahras-body>',
      '<i data-fahras-ignore>',
      '<p data-fahras-meta="a, b[c], d:e, [">',
      '<meta name=robots content=noindex>',
      '\ud800',
    )
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const r = readHtmlPage(parts.join(''), { path: 'x.html' })
        expect(r.page === null ? typeof r.skipped : typeof r.page.text).toBe('string')
      }),
      { numRuns: 300 },
    )
  })
})

describe('pages that are not indexed', () => {
  it('<meta name="robots" content="noindex"> (or none) skips the page; robots: false indexes it', () => {
    const html = '<head><meta name="Robots" content="NOINDEX, follow"><title>شكرا</title></head><p>نص</p>'
    expect(readHtmlPage(html, { path: 'thanks.html' })).toMatchObject({
      page: null,
      skipped: 'marked noindex (<meta name="robots" content="NOINDEX, follow">)',
    })
    expect(page('<meta name="robots" content="none"><p>نص</p>')).toBeNull()
    expect(readHtmlPage(html, { path: 'thanks.html', robots: false }).page!.text).toBe('نص')
    expect(page('<meta name="robots" content="nofollow"><p>نص</p>')!.text).toBe('نص')
  })
  it('a redirect stub (<meta http-equiv="refresh"> with a URL) is skipped, title and text notwithstanding', () => {
    const hugo =
      '<!DOCTYPE html><html lang="ar"><head><title>https://example.org/new/</title><link rel="canonical" href="https://example.org/new/"><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=https://example.org/new/"></head></html>'
    expect(readHtmlPage(hugo, { path: 'old/index.html' })).toMatchObject({
      page: null,
      skipped: 'a redirect to https://example.org/new/ (<meta http-equiv="refresh">)',
    })
    const jekyll =
      '<title>Redirecting…</title><meta http-equiv="refresh" content="0; URL=\'/new/\'"><h1>Redirecting…</h1><a href="/new/">Click here</a>'
    expect(read(jekyll).skipped).toBe('a redirect to /new/ (<meta http-equiv="refresh">)')
  })
  it('a refresh without a URL (a page that reloads), or inside <noscript>, is not a redirect', () => {
    expect(page('<meta http-equiv="refresh" content="60"><p>نتائج</p>')!.text).toBe('نتائج')
    expect(page('<noscript><meta http-equiv="refresh" content="0;url=/nojs/"></noscript><p>تطبيق</p>')!.text).toBe(
      'تطبيق',
    )
  })
  it('data-fahras-ignore on <html> or <body> leaves the page out', () => {
    expect(read('<html><body data-fahras-ignore><title>t</title><p>نص</p></body></html>').skipped).toBe(
      'data-fahras-ignore on <body>',
    )
    expect(read('<html data-fahras-ignore><p>نص</p></html>').skipped).toBe('data-fahras-ignore on <html>')
  })
  it('no title and no text: skipped; a title alone is a page', () => {
    expect(read('<html><head><meta charset="utf-8"></head><body> <script>go()</script> </body></html>')).toMatchObject({
      page: null,
      skipped: 'no title and no text',
    })
    expect(read('')).toMatchObject({ page: null, skipped: 'no title and no text' })
    expect(page('<title>معرض الصور</title><body><img src="a.png"></body>')).toMatchObject({
      title: 'معرض الصور',
      text: '',
    })
  })
})

describe('Markdown with front matter', () => {
  const md = (source: string, path = 'about.md', baseUrl?: string) =>
    readMarkdownPage(source, baseUrl === undefined ? { path } : { path, baseUrl })
  it('YAML: title and lang; string and number fields to meta but the build ones; tags and categories to filters', () => {
    const r = md(
      '---\ntitle: عن الموقع\nlang: ar\ndescription: "وصف  قصير"\ndate: 2024-05-01\nrating: 4\nlayout: page\nweight: 3\nslug: about-us\ntoc: true\nauthors: [علي]\ntags: [أخبار, رياضة, أخبار]\ncategories: عامة\n---\nنص الصفحة\n',
    )
    expect(r.page).toEqual({
      url: '/about-us/',
      title: 'عن الموقع',
      lang: 'ar',
      text: 'نص الصفحة',
      meta: { description: 'وصف قصير', date: '2024-05-01', rating: '4' },
      filters: { tags: ['أخبار', 'رياضة'], categories: ['عامة'] },
    })
    expect(r.content).toBe('markdown')
  })
  it('TOML (+++) front matter; permalink gives the URL, under baseUrl', () => {
    const r = md('+++\ntitle = "دليل"\npermalink = "/guide/"\ntags = ["مساعدة"]\n+++\nنص الدليل', 'docs/g.md', '/docs/')
    expect(r.page).toMatchObject({ url: '/docs/guide/', title: 'دليل', filters: { tags: ['مساعدة'] } })
  })
  it('the URL from the path: a/b.md → /a/b/, index.md and _index.md → the folder, url with a scheme as it is', () => {
    expect(md('نص', 'مقالات/الأول.md').page!.url).toBe('/مقالات/الأول/')
    expect(md('نص', 'blog/index.md').page!.url).toBe('/blog/')
    expect(md('نص', 'blog/_index.markdown').page!.url).toBe('/blog/')
    expect(md('---\nurl: https://example.org/x\n---\nنص').page!.url).toBe('https://example.org/x')
  })
  it('draft: true and published: false skip the page', () => {
    expect(md('---\ntitle: مسودة\ndraft: true\n---\nنص')).toMatchObject({
      page: null,
      skipped: 'a draft (front matter draft: true): not published, not indexed',
    })
    expect(pageFromMarkdown('---\npublished: false\n---\nنص', { path: 'a.md' })).toBeNull()
  })
  it('the title falls back to the first # heading; no Markdown syntax or link target in the text', () => {
    const p = md('# مرحبا **بكم**\n\n## قسم\n\nنص [رابط](https://example.org/x) و`رمز` و**غامق**\n\n- أ\n- ب\n').page!
    expect(p.title).toBe('مرحبا بكم')
    expect(p.text).toBe('مرحبا بكم\nقسم\nنص رابط ورمز وغامق\nأ\nب')
  })
  it("a front matter that does not parse skips the page, with the parser's message", () => {
    const r = md('---\ntitle: [غير مغلق\n---\nنص')
    expect(r.page).toBeNull()
    expect(r.skipped).toMatch(/^invalid front matter \(YAML\) on line \d+: /)
  })
  it('raw HTML in the body: <script> left out, data-fahras-ignore, -meta and -filter read', () => {
    const p = md(
      '---\nauthor: علي\n---\nنص\n\n<div data-fahras-ignore>مخفي</div>\n\n<script>alert(1)</script>\n\n<span data-fahras-meta="author, mood:سعيد" data-fahras-filter="tags:أخبار">عمر</span>\n',
    ).page!
    expect(p.text).toBe('نص\nعمر')
    expect(p.meta).toEqual({ author: 'علي', mood: 'سعيد' })
    expect(p.filters).toEqual({ tags: ['أخبار'] })
  })
  it('no title and no text: skipped', () => {
    expect(md('---\ndescription: x\n---\n\n')).toMatchObject({ page: null, skipped: 'no title and no text' })
  })
})

describe('readSitePages: the walk of a site folder', () => {
  const made: string[] = []
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true })
  })
  /** A site folder with these files (path → content; a Buffer as bytes). */
  const site = (files: Record<string, string | Buffer>) => {
    const dir = mkdtempSync(join(tmpdir(), 'fahras-site-'))
    made.push(dir)
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true })
      writeFileSync(join(dir, path), content)
    }
    return dir
  }
  const all = async (options: Parameters<typeof readSitePages>[0]) => {
    const out: SiteFile[] = []
    for await (const file of readSitePages(options)) out.push(file)
    return out
  }
  const files = async (options: Parameters<typeof readSitePages>[0]) => (await all(options)).map((f) => f.file)
  const html = (title: string) => `<title>${title}</title><p>${title}</p>`

  it('yields files in code-unit order of their relative paths, the same from run to run', async () => {
    const dir = site({
      'b.html': html('b'),
      'a/b.html': html('ab'),
      'a-b.html': html('a-b'),
      'A.html': html('A'),
      'مقال.html': html('م'),
      'a/z/y.html': html('azy'),
      'a/c.html': html('ac'),
      'index.html': html('i'),
    })
    const expected = ['A.html', 'a-b.html', 'a/b.html', 'a/c.html', 'a/z/y.html', 'b.html', 'index.html', 'مقال.html']
    expect(await files({ site: dir })).toEqual(expected)
    expect(await files({ site: dir })).toEqual(expected)
    expect([...expected].sort()).toEqual(expected)
  })
  it('each file as its page: URL from its path under baseUrl, skipped ones with their reason', async () => {
    const dir = site({
      'docs/index.html': '<html lang="ar"><title>الدليل</title><main>نص</main></html>',
      'old/index.html': '<meta http-equiv="refresh" content="0; url=/docs/">',
    })
    const out = await all({ site: dir, baseUrl: '/site/' })
    expect(out).toEqual([
      {
        file: 'docs/index.html',
        page: { url: '/site/docs/', title: 'الدليل', lang: 'ar', text: 'نص', meta: {}, filters: {} },
        skipped: null,
        content: 'main',
        warnings: [],
      },
      {
        file: 'old/index.html',
        page: null,
        skipped: 'a redirect to /docs/ (<meta http-equiv="refresh">)',
        content: 'body',
        warnings: [],
      },
    ])
  })
  it('include: HTML by default; Markdown when asked; a matched file of another kind is yielded as skipped', async () => {
    const dir = site({
      'a.html': html('a'),
      'b.htm': html('b'),
      'c.md': '# ج',
      'd.markdown': '# د',
      'e.txt': 'x',
      'f.css': 'p{}',
    })
    expect(await files({ site: dir })).toEqual(['a.html', 'b.htm'])
    const md = await all({ site: dir, include: ['**/*.{md,markdown}'] })
    expect(md.map((f) => [f.file, f.page?.url])).toEqual([
      ['c.md', '/c/'],
      ['d.markdown', '/d/'],
    ])
    const txt = await all({ site: dir, include: ['*.txt'] })
    expect(txt).toEqual([
      {
        file: 'e.txt',
        page: null,
        skipped: 'neither HTML (.html, .htm) nor Markdown (.md, .markdown)',
        content: null,
        warnings: [],
      },
    ])
  })
  it('exclude: globs of paths left out', async () => {
    const dir = site({
      'a.html': html('a'),
      '404.html': html('404'),
      'drafts/x.html': html('x'),
      'blog/drafts/y.html': html('y'),
    })
    expect(await files({ site: dir, exclude: ['404.html', '**/drafts/**'] })).toEqual(['a.html'])
  })
  it('the output folder is never read when inside the site (given relative or absolute, existing or not)', async () => {
    const dir = site({ 'a.html': html('a'), 'fahras/demo.html': html('demo'), 'fahras-old/b.html': html('b') })
    expect(await files({ site: dir, output: join(dir, 'fahras') })).toEqual(['a.html', 'fahras-old/b.html'])
    expect(await files({ site: dir, output: join(dir, 'new', '..', 'fahras-old') })).toEqual([
      'a.html',
      'fahras/demo.html',
    ])
    expect(await files({ site: dir, output: join(dir, 'not-yet') })).toEqual([
      'a.html',
      'fahras-old/b.html',
      'fahras/demo.html',
    ])
    expectCoded(
      () => readSitePages({ site: dir, output: `${dir}/` }),
      ERROR_CODES.INVALID_OPTION,
      /expected `output` to be a folder other than the site's own/,
    )
  })
  it('hidden folders and files, and node_modules, are never walked', async () => {
    const dir = site({
      'a.html': html('a'),
      '.git/x.html': html('x'),
      '.well-known/y.html': html('y'),
      '.hidden.html': html('h'),
      'node_modules/p/z.html': html('z'),
      'sub/node_modules/w.html': html('w'),
    })
    expect(await files({ site: dir, include: ['**/*'] })).toEqual(['a.html'])
  })
  it('symbolic links are not followed: one that matches is yielded as skipped', async () => {
    const dir = site({ 'real/a.html': html('a') })
    symlinkSync(join(dir, 'real'), join(dir, 'linked'))
    symlinkSync(join(dir, 'real', 'a.html'), join(dir, 'b.html'))
    expect(await all({ site: dir })).toMatchObject([
      { file: 'b.html', page: null, skipped: 'a symbolic link: not followed' },
      { file: 'real/a.html', skipped: null },
    ])
  })
  it('a file that cannot be read, is not UTF-8 or is a FIFO, is yielded with the reason; the walk goes on', async () => {
    const dir = site({
      'a.html': html('a'),
      'b.html': Buffer.from([
        0x3c, 0x70, 0x3e, 0xc7, 0xe1, 0xda, 0xd1, 0xc8, 0xed, 0xc9, 0x20, 0xc7, 0xe1, 0xe1, 0xda, 0xc9,
      ]),
      'c.html': '\ufeff<title>ج</title>',
    })
    const out = await all({ site: dir })
    expect(out[1]).toMatchObject({
      file: 'b.html',
      page: null,
      skipped: expect.stringMatching(/^not UTF-8 \(looks like Windows-1256/),
    })
    expect(out[2]!.page!.title).toBe('ج')
    if (process.platform !== 'win32') {
      execFileSync('mkfifo', [join(dir, 'd.html')]) // a FIFO would block a reader that opened it
      expect((await all({ site: dir }))[3]).toEqual({
        file: 'd.html',
        page: null,
        skipped: 'not a regular file: a FIFO (named pipe)',
        content: null,
        warnings: [],
      })
    }
    if (process.getuid?.() !== 0) {
      chmodSync(join(dir, 'a.html'), 0o000)
      expect((await all({ site: dir }))[0]).toMatchObject({
        file: 'a.html',
        page: null,
        skipped: 'cannot read: EACCES',
      })
    }
  })
  it('a site folder that does not exist or is not a folder: FAHRAS_SITE naming it, thrown at the call', () => {
    const missing = join(tmpdir(), 'fahras-no-such-site')
    const error = expectCoded(
      () => readSitePages({ site: missing }),
      ERROR_CODES.SITE,
      /readSitePages\(\): the site folder ".*fahras-no-such-site" does not exist/,
    )
    expect(error.details).toEqual({ site: missing })
    const dir = site({ 'a.html': html('a') })
    expectCoded(
      () => readSitePages({ site: join(dir, 'a.html') }),
      ERROR_CODES.SITE,
      /the site folder ".*a\.html" is not a folder \(a file\)/,
    )
  })
  it('unknown options and wrong types: FAHRAS_INVALID_OPTION saying what was expected and given', () => {
    expectCoded(
      () => readSitePages({ site: '.', includes: [] } as never),
      ERROR_CODES.INVALID_OPTION,
      /readSitePages\(\) got an unknown option `includes`; expected one of `site`, `include`/,
    )
    expectCoded(
      () => readSitePages({ site: '.', include: '**/*.html' } as never),
      ERROR_CODES.INVALID_OPTION,
      /expected `include` to be an array of strings, got `"\*\*\/\*\.html"` \(string\)/,
    )
    expectCoded(
      () => readSitePages({ site: '.', include: [] }),
      ERROR_CODES.INVALID_OPTION,
      /expected `include` to hold at least one glob/,
    )
    expectCoded(
      () => readSitePages({ site: '.', exclude: [''] }),
      ERROR_CODES.INVALID_OPTION,
      /expected `exclude` to hold non-empty globs/,
    )
    expectCoded(
      () => readSitePages({} as never),
      ERROR_CODES.INVALID_OPTION,
      /expected `site` to be the path of the site's folder, got `undefined`/,
    )
    expectCoded(() => readSitePages(undefined as never), ERROR_CODES.INVALID_OPTION, /expected options `\{ site \}`/)
    expectCoded(() => readSitePages({ site: '.', baseUrl: 'x' }), ERROR_CODES.INVALID_OPTION, /`baseUrl` expects/)
  })
  it('10,000 pages stream: each file is read when its turn comes, not before', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fahras-site-'))
    made.push(dir)
    const name = (i: number) => `p/${String(i).padStart(5, '0')}.html`
    mkdirSync(join(dir, 'p'))
    for (let i = 0; i < 10_000; i++) writeFileSync(join(dir, name(i)), `<title>صفحة ${i}</title><p>نص ${i}</p>`)
    const pages = readSitePages({ site: dir })
    const first = await pages.next()
    expect(first.value).toMatchObject({ file: name(0), page: { title: 'صفحة 0', url: '/p/00000.html' } })
    rmSync(join(dir, name(9_999))) // listed already, not read yet
    let count = 1
    let last: SiteFile | undefined
    for await (const file of pages) {
      count++
      last = file
    }
    expect(count).toBe(10_000)
    expect(last).toMatchObject({ file: name(9_999), page: null, skipped: 'cannot read: ENOENT' })
  }, 60_000)
})
