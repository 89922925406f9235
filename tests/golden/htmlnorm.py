#!/usr/bin/env python3
"""Decide whether two HTML fragments say the same thing (Python standard library only).

    htmlnorm.py [--ignore-highlight] [--ignore-stubs] EXPECTED.html ACTUAL.html
    htmlnorm.py [--ignore-highlight] [--ignore-stubs] --show FILE.html

Both files become a list of tokens, one per line, and the lists are compared:
  * an element start is "<tag" plus its attributes sorted by name (class names sorted,
    style declarations trimmed), so attribute order and quoting do not matter; "<img/>" and
    "<img>" are the same, and stray end tags of void elements are dropped;
  * text has its character references decoded (&#34; == &quot; == "), runs of whitespace
    collapse to one space outside <pre>, and whitespace next to a block-level tag is dropped,
    so the line breaks Hugo and cmark-gfm put between blocks do not count;
  * comments are kept: `<!-- raw HTML omitted -->` is part of Hugo's answer.
--ignore-highlight: Chroma's `<div class="highlight"><pre style><code data-lang><span>…`
    counts as `<pre><code class="language-x">text</code></pre>` (line numbers dropped);
    `tabindex`/`style` on <pre> and `data-lang` on <code> are ignored everywhere. With
    linenos=table only the last cell's <code> counts.
--ignore-stubs: elements with class "hugoref-stub" (stand-ins for shortcodes Hugo cannot
    render offline) are dropped, a <div> stub keeping its content.
Exit status: 0 the same, 1 different (a unified diff of the token lists is printed), 2 bad use.
"""
import argparse
import difflib
import re
import sys
from html.parser import HTMLParser

VOID = frozenset('area base br col embed hr img input link meta param source track wbr'.split())
BLOCK = frozenset('''address article aside blockquote body caption colgroup dd details div dl dt
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr iframe li main nav ol p pre
    script section style summary table tbody td tfoot th thead tr ul video audio svg'''.split())
SPACE = re.compile(r'[ \t\n\r\f]+')


def attribute_text(name, value):
    value = '' if value is None else value
    if name == 'class':
        value = ' '.join(sorted(value.split()))
    elif name == 'style':
        value = ';'.join(re.sub(r'\s*:\s*', ':', SPACE.sub(' ', part.strip()))
                         for part in value.split(';') if part.strip())
    return '%s=%r' % (name, value)


class Tokeniser(HTMLParser):
    """Turns markup into ('open'|'close'|'text'|'comment', payload, is_block) tuples."""

    def __init__(self, ignore_highlight, ignore_stubs):
        super().__init__(convert_charrefs=True)
        self.ignore_highlight = ignore_highlight
        self.ignore_stubs = ignore_stubs
        self.tokens = []
        self.open_tags = []        # (tag, role): role is None, 'stub-div', 'stub-span' or 'highlight'
        self.pre_depth = 0
        self.hidden_depth = 0      # inside a dropped <span> stub
        self.highlight = None      # {'lang', 'text', 'skip'} while inside Chroma's <div class="highlight">

    # -- helpers
    def emit(self, kind, payload, block=False):
        if self.hidden_depth == 0:
            self.tokens.append((kind, payload, block))

    def classes(self, attrs):
        return (dict(attrs).get('class') or '').split()

    # -- parser callbacks
    def handle_starttag(self, tag, attrs):
        self.start(tag, attrs, tag in VOID)

    def handle_startendtag(self, tag, attrs):
        self.start(tag, attrs, True)

    def start(self, tag, attrs, void):
        classes = self.classes(attrs)
        if self.highlight is not None:
            self.highlight_start(tag, attrs, classes, void)
            return
        role = None
        if self.ignore_stubs and 'hugoref-stub' in classes:
            role = 'stub-div' if tag == 'div' else 'stub-span'
        elif self.ignore_highlight and tag == 'div' and 'highlight' in classes:
            role = 'highlight'
            self.highlight = {'lang': '', 'text': [], 'skip': 0, 'code': 0}
        if not void:
            self.open_tags.append((tag, role))
        if role == 'stub-span':
            self.hidden_depth += 1
        if role is not None:
            return
        if tag == 'pre':
            self.pre_depth += 1
        kept = []
        for name, value in attrs:
            if self.ignore_highlight and ((tag == 'pre' and name in ('tabindex', 'style'))
                                          or (tag == 'code' and name == 'data-lang')):
                continue
            kept.append(attribute_text(name, value))
        self.emit('open', ' '.join(['<' + tag] + sorted(kept)) + '>', tag in BLOCK)

    def highlight_start(self, tag, attrs, classes, void):
        h = self.highlight
        if void:
            return
        self.open_tags.append((tag, 'in-highlight'))
        if tag == 'code':
            h['code'] += 1
            for cls in classes:
                if cls.startswith('language-'):
                    h['lang'] = cls
            if not h['lang'] and dict(attrs).get('data-lang'):
                h['lang'] = 'language-' + dict(attrs)['data-lang']
        if tag == 'td':
            h['text'] = []  # linenos=table: the code is in the last cell
        if h['skip'] or set(classes) & {'ln', 'lnt'}:
            h['skip'] += 1

    def handle_endtag(self, tag):
        if tag in VOID or not any(t == tag for t, _ in self.open_tags):
            return
        while self.open_tags:
            open_tag, role = self.open_tags.pop()
            self.finish(open_tag, role)
            if open_tag == tag:
                break

    def finish(self, tag, role):
        if role == 'in-highlight':
            if self.highlight['skip']:
                self.highlight['skip'] -= 1
            if tag == 'code':
                self.highlight['code'] -= 1
            return
        if role == 'highlight':
            h, self.highlight = self.highlight, None
            self.emit('open', '<pre>', True)
            self.emit('open', '<code class=%r>' % h['lang'] if h['lang'] else '<code>')
            self.emit('pre-text', ''.join(h['text']))
            self.emit('close', '</code>')
            self.emit('close', '</pre>', True)
            return
        if role == 'stub-span':
            self.hidden_depth -= 1
            return
        if role == 'stub-div':
            return
        if tag == 'pre':
            self.pre_depth -= 1
        self.emit('close', '</' + tag + '>', tag in BLOCK)

    def handle_data(self, data):
        if self.highlight is not None:
            # Only the code counts: Chroma's table puts line breaks between its cells.
            if self.highlight['code'] and not self.highlight['skip']:
                self.highlight['text'].append(data)
            return
        self.emit('pre-text' if self.pre_depth else 'text', data)

    def handle_comment(self, data):
        if self.highlight is None:
            self.emit('comment', '<!--' + data + '-->')

    def close(self):
        super().close()
        while self.open_tags:
            self.finish(*self.open_tags.pop())


def normalise(markup, ignore_highlight=False, ignore_stubs=False):
    """The token lines of `markup`."""
    parser = Tokeniser(ignore_highlight, ignore_stubs)
    parser.feed(markup)
    parser.close()
    # Merge neighbouring text, then trim it where it touches a block boundary.
    merged = []
    for kind, payload, block in parser.tokens:
        if kind in ('text', 'pre-text') and merged and merged[-1][0] == kind:
            merged[-1] = (kind, merged[-1][1] + payload, False)
        else:
            merged.append((kind, payload, block))
    lines = []
    for i, (kind, payload, block) in enumerate(merged):
        if kind == 'text':
            text = SPACE.sub(' ', payload)
            before = merged[i - 1] if i > 0 else None
            after = merged[i + 1] if i + 1 < len(merged) else None
            if before is None or before[2]:
                text = text.lstrip(' ')
            if after is None or after[2]:
                text = text.rstrip(' ')
            if text:
                lines.append('text ' + repr(text)[1:-1])
        elif kind == 'pre-text':
            lines.append('pre ' + repr(payload)[1:-1])
        else:
            lines.append(payload)
    return lines


def read(path):
    with open(path, 'rb') as f:
        return f.read().decode('utf-8', errors='replace')


def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    p.add_argument('--ignore-highlight', action='store_true')
    p.add_argument('--ignore-stubs', action='store_true')
    p.add_argument('--show', action='store_true', help='print the token lines of one file')
    p.add_argument('files', nargs='+')
    args = p.parse_args()
    try:
        if args.show:
            print('\n'.join(normalise(read(args.files[0]), args.ignore_highlight, args.ignore_stubs)))
            return 0
        if len(args.files) != 2:
            p.error('give EXPECTED and ACTUAL')
        expected = normalise(read(args.files[0]), args.ignore_highlight, args.ignore_stubs)
        actual = normalise(read(args.files[1]), args.ignore_highlight, args.ignore_stubs)
    except OSError as e:
        print(e, file=sys.stderr)
        return 2
    if expected == actual:
        return 0
    sys.stdout.writelines(line + '\n' for line in difflib.unified_diff(
        expected, actual, 'expected (Hugo)', 'actual (Frontmark)', n=3, lineterm=''))
    return 1


if __name__ == '__main__':
    sys.exit(main())
