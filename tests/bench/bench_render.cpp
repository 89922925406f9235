// SPDX-License-Identifier: GPL-3.0-or-later
// Render benchmark (issue #3): our whole pipeline (shortcodes, definition lists, cmark-gfm,
// Goldmark fix-ups, block split) against a bare cmark_markdown_to_html() of the same text in
// the same process. Prints medians and the ratio; the goal is within 1.5x of bare cmark-gfm.
//
//   packaging/dev.sh bench

#include "benchutil.h"
#include "document/postfile.h"
#include "images/postimages.h"
#include "render/markdownrenderer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

using namespace Qt::StringLiterals;
using namespace frontmark;
using frontmark::bench::medianMs;

namespace {


void compare(const char *label, const QByteArray &body, const RenderOptions &options, int iterations)
{
    const MarkdownRenderer renderer;
    const QString text = QString::fromUtf8(body);
    const double ours = medianMs(iterations, [&] {
        const RenderResult r = renderer.render(text, options);
        if (r.html.isEmpty() && !text.trimmed().isEmpty())
            qFatal("empty render");
    });
    const double bare = medianMs(iterations, [&] {
        char *html = cmark_markdown_to_html(body.constData(), size_t(body.size()), CMARK_OPT_DEFAULT);
        std::free(html);
    });
    // cmark-gfm with the extensions and options Hugo's defaults need (what our pipeline has to
    // pay for anyway), to separate cmark-gfm's own cost from ours.
    cmark_gfm_core_extensions_ensure_registered();
    const int opts = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES | CMARK_OPT_SMART;
    const double withExtensions = medianMs(iterations, [&] {
        cmark_parser *p = cmark_parser_new(opts);
        for (const char *name : {"table", "strikethrough", "autolink", "tasklist"})
            cmark_parser_attach_syntax_extension(p, cmark_find_syntax_extension(name));
        cmark_parser_feed(p, body.constData(), size_t(body.size()));
        cmark_node *doc = cmark_parser_finish(p);
        char *html = cmark_render_html(doc, opts, cmark_parser_get_syntax_extensions(p));
        std::free(html);
        cmark_node_free(doc);
        cmark_parser_free(p);
    });
    std::printf("%-12s %8.1f KB  frontmark %8.3f ms  bare cmark-gfm %8.3f ms (ratio %.2fx)  "
                "cmark-gfm + Hugo's extensions %8.3f ms (ratio %.2fx)\n",
                label, double(body.size()) / 1024.0, ours, bare, bare > 0 ? ours / bare : 0.0, withExtensions,
                withExtensions > 0 ? ours / withExtensions : 0.0);
    // The images panel's list (issue #6): a second parse on the render worker, after the
    // render is delivered, only while the panel is shown.
    qsizetype count = 0;
    const double images = medianMs(iterations, [&] { count = findImages(text, options).size(); });
    std::printf("%-12s %8.1f KB  findImages %8.3f ms (%lld images)\n", label, double(body.size()) / 1024.0, images,
                static_cast<long long>(count));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int iterations = argc > 1 ? QByteArray(argv[1]).toInt() : 15;
    const QString samplePath = QStringLiteral(FRONTMARK_SOURCE_DIR)
        + u"/resources/sample-site/content/posts/2025-06-02-taiwan-chip-energy.md"_s;
    const auto post = PostFile::load(samplePath);
    if (!post.ok())
        qFatal("cannot load the sample post");

    RenderOptions options;
    options.site = Site::forPost(samplePath);
    options.postPath = samplePath;
    options.bodyFirstLine = post.value().bodyFirstLine();

    std::printf("frontmark bench_render: median of %d runs\n\n", iterations);
    const QByteArray body = post.value().body();
    compare("sample post", body, options, iterations * 10);

    QByteArray big;
    while (big.size() < 2 * 1024 * 1024)
        big += body + "\n";
    compare("2 MB post", big, options, iterations);
    return 0;
}
