import { describe, expect, it } from 'vitest';
import { parseDocument } from 'htmlparser2';
import { isTag, type ChildNode } from 'domhandler';
import { escapeHtml, markdownExcerpt, renderMarkdown } from './render';

const TAGS = new Set([
  'p',
  'br',
  'hr',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'code',
  'strong',
  'em',
  's',
  'del',
  'ul',
  'ol',
  'li',
  'a',
  'img',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'span',
]);
const ATTRS = new Set(['href', 'title', 'rel', 'src', 'alt', 'start', 'class']);

/** Parses the output as a browser would and checks every element and attribute against the allowlist. */
function expectSafe(html: string) {
  const walk = (nodes: ChildNode[]) => {
    for (const n of nodes) {
      if (!isTag(n)) continue;
      expect(TAGS.has(n.name), `tag ${n.name}`).toBe(true);
      for (const [name, value] of Object.entries(n.attribs)) {
        expect(ATTRS.has(name), `attribute ${name}`).toBe(true);
        if (name === 'href') expect(value).toMatch(/^(https?:\/\/|mailto:)/i);
        if (name === 'src') expect(value).toMatch(/^https:\/\//i);
      }
      walk(n.children);
    }
  };
  walk(parseDocument(html).children);
}

describe('Markdown rendering', () => {
  it('renders ordinary Markdown', () => {
    const html = renderMarkdown('# Title\n\nSome *emphasis*, **strong** and `code`.\n\n- one\n- two\n\n> quoted');
    expect(html).toContain('<h3>Title</h3>');
    expect(html).toContain('<em>emphasis</em>');
    expect(html).toContain('<strong>strong</strong>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<blockquote>');
  });

  it('shifts headings below the page title', () => {
    const html = renderMarkdown('# a\n\n## b\n\n### c\n\n#### d\n\n###### f');
    expect(html).not.toMatch(/<h[12]\b/);
    expect(html).toContain('<h3>a</h3>');
    expect(html).toContain('<h4>b</h4>');
    expect(html).toContain('<h5>c</h5>');
    expect(html).toContain('<h6>d</h6>');
  });

  it('marks links nofollow ugc noopener', () => {
    const html = renderMarkdown('[Meta](https://meta.wikimedia.org/wiki/LDN "the page") and <mailto:ldn@example.org>');
    expect(html).toContain(
      '<a href="https://meta.wikimedia.org/wiki/LDN" rel="nofollow ugc noopener" title="the page">Meta</a>',
    );
    expect(html).toContain('href="mailto:ldn@example.org" rel="nofollow ugc noopener"');
  });

  it('linkifies bare addresses', () => {
    const html = renderMarkdown('See https://t.me/+RjYP6Cp06zI4MTQy or write to ldn@example.org.');
    expect(html).toContain('<a href="https://t.me/+RjYP6Cp06zI4MTQy" rel="nofollow ugc noopener">');
    expect(html).toContain('<a href="mailto:ldn@example.org" rel="nofollow ugc noopener">ldn@example.org</a>');
    expectSafe(html);
  });

  it('keeps fenced code as text, with a language class only', () => {
    const html = renderMarkdown('```js\nalert("<b>")\n```');
    expect(html).toContain('<pre><code class="language-js">alert("&lt;b&gt;")\n</code></pre>');
  });
  it('shows wikitext kept by the wikitext import as code, without its {=mediawiki} mark', () => {
    expect(renderMarkdown('A `{{ll|Page}}`{=mediawiki} note.')).toBe('<p>A <code>{{ll|Page}}</code> note.</p>\n');
    expect(renderMarkdown('```{=mediawiki}\n;Term\n:Definition\n```')).toBe(
      '<pre><code class="language-wikitext">;Term\n:Definition\n</code></pre>\n',
    );
  });
});

describe('Markdown rendering refuses script', () => {
  const attacks: [string, string][] = [
    ['raw script tag', '<script>alert(1)</script>'],
    ['raw HTML with handler', '<img src=x onerror=alert(1)>'],
    ['raw iframe', '<iframe src="https://evil.example"></iframe>'],
    ['raw style', '<style>body{display:none}</style><p style="color:red">x</p>'],
    ['javascript link', '[click](javascript:alert(1))'],
    ['javascript link, upper case', '[click](JaVaScRiPt:alert(1))'],
    ['javascript link with entity', '[click](&#106;avascript:alert(1))'],
    ['javascript link with hex entity', '[click](&#x6A;avascript&#x3A;alert(1))'],
    ['javascript link with tab', '[click](java\tscript:alert(1))'],
    ['javascript link with encoded colon', '[click](javascript&colon;alert(1))'],
    ['javascript link with leading space', '[click]( javascript:alert(1))'],
    ['javascript autolink', '<javascript:alert(1)>'],
    ['vbscript link', '[x](vbscript:msgbox(1))'],
    ['data link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['data image', '![x](data:image/png;base64,iVBORw0KGgo=)'],
    ['data svg image', '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)'],
    ['javascript image', '![x](javascript:alert(1))'],
    ['reference link to javascript', '[x][a]\n\n[a]: javascript:alert(1)'],
    ['file link', '[x](file:///etc/passwd)'],
    ['protocol-relative link', '[x](//evil.example/a)'],
    ['relative link', '[x](/updates/1)'],
    ['title breaking out of the attribute', '[x](https://example.org "a\\" onmouseover=\\"alert(1)")'],
    ['quotes in a URL', '[x](https://example.org/"onmouseover="alert(1))'],
    ['HTML inside a link text', '[<img src=x onerror=alert(1)>](https://example.org)'],
    ['nested markup trick', '<<script>script>alert(1)<</script>/script>'],
    ['entity-encoded tag', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['svg', '<svg onload=alert(1)><circle/></svg>'],
    ['form', '<form action="https://evil.example"><input name=a></form>'],
    ['math tag', '<math><mi xlink:href="javascript:alert(1)">x</mi></math>'],
    ['markdown inside HTML comment', '<!-- <script>alert(1)</script> -->'],
  ];
  for (const [name, source] of attacks) {
    it(`neutralises ${name}`, () => {
      const html = renderMarkdown(source);
      expectSafe(html);
      expect(html.toLowerCase()).not.toMatch(/<a [^>]*href="(?!https?:|mailto:)/);
    });
  }

  it('shows raw HTML as text rather than dropping what people wrote', () => {
    expect(renderMarkdown('<b>bold?</b>')).toBe('<p>&lt;b&gt;bold?&lt;/b&gt;</p>\n');
  });

  it('keeps the text of a refused link', () => {
    const html = renderMarkdown('[read this](javascript:alert(1))');
    expect(html).toContain('read this');
    expect(html).not.toContain('<a ');
  });

  it('keeps images from Wikimedia Commons and drops others (http, or hosts that could track readers)', () => {
    const ok = renderMarkdown('![logo](https://upload.wikimedia.org/logo.png)');
    expect(ok).toContain('<img src="https://upload.wikimedia.org/logo.png" alt="logo" />');
    expect(renderMarkdown('![logo](http://upload.wikimedia.org/logo.png)')).not.toContain('<img');
    expect(renderMarkdown('![pixel](https://tracker.example.org/p.gif)')).not.toContain('<img');
  });
});

describe('excerpts', () => {
  it('gives plain text without markup', () => {
    expect(markdownExcerpt('# Hello\n\nThis is **bold** and [a link](https://example.org).\n\n- one\n- two')).toBe(
      'Hello This is bold and a link. one two',
    );
  });

  it('keeps HTML-looking text as text (it is escaped when shown)', () => {
    expect(markdownExcerpt('<script>x</script> & more')).toBe('<script>x</script> & more');
  });

  it('shortens on a word boundary', () => {
    const text = markdownExcerpt('word '.repeat(100), 50);
    expect(text.length).toBeLessThanOrEqual(51);
    expect(text.endsWith('word…')).toBe(true);
  });

  it('escapes HTML for feeds', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
