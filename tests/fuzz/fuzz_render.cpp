// libFuzzer target (issue #3): arbitrary bytes through the whole document path — split the
// post, parse its front matter, patch a key, expand shortcodes, render — under ASan + UBSan.
// No crash, no hang, no leak. Run: packaging/dev.sh fuzz [SECONDS]

#include "document/postfile.h"
#include "images/postimages.h"
#include "render/markdownrenderer.h"

#include <cstddef>
#include <cstdint>

using namespace frontmark;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 256 * 1024)
        return 0; // larger inputs add time, not coverage
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    static const MarkdownRenderer renderer;

    const auto post = PostFile::fromBytes(bytes, QStringLiteral("fuzz.md"));
    RenderOptions options;
    options.hugoVersion = (size % 2) ? HugoVersion::V0_111 : HugoVersion::Current;
    options.postPath = QStringLiteral("/nonexistent/fuzz.md");
    if (post.ok()) {
        PostFile copy = post.value();
        (void)copy.frontMatter().setValue(QStringLiteral("title"), Value(QStringLiteral("t \"x\": y")));
        (void)copy.frontMatter().remove(QStringLiteral("draft"));
        options.bodyFirstLine = post.value().bodyFirstLine();
        const QString body = QString::fromUtf8(post.value().body());
        (void)renderer.render(body, options);
        (void)imageLimitWarnings(findImages(body, options), options.postPath); // issue #21
    } else {
        (void)renderer.render(QString::fromUtf8(bytes), options);
    }
    return 0;
}
