// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/cmark_p.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <mutex>

namespace frontmark::detail {

QMutex &cmarkMutex()
{
    static QMutex mutex;
    return mutex;
}

void registerExtensionsOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

CmarkDocument::CmarkDocument(const QByteArray &markdown, int options, const QByteArrayList &extensions)
    : m_lock((registerExtensionsOnce(), &cmarkMutex()))
    , m_options(options)
{
    m_parser = cmark_parser_new(options);
    for (const QByteArray &name : extensions) {
        if (cmark_syntax_extension *ext = cmark_find_syntax_extension(name.constData()))
            cmark_parser_attach_syntax_extension(m_parser, ext);
    }
    cmark_parser_feed(m_parser, markdown.constData(), size_t(markdown.size()));
    m_root = cmark_parser_finish(m_parser);
}

CmarkDocument::~CmarkDocument()
{
    cmark_node_free(m_root);
    cmark_parser_free(m_parser);
}

QString CmarkDocument::renderHtml(cmark_node *node) const
{
    char *html = cmark_render_html(node, m_options, cmark_parser_get_syntax_extensions(m_parser));
    const QString out = QString::fromUtf8(html);
    std::free(html);
    return out;
}

QString literal(cmark_node *node)
{
    const char *s = cmark_node_get_literal(node);
    return s ? QString::fromUtf8(s) : QString();
}

QString plainText(cmark_node *node)
{
    QString out;
    cmark_iter *it = cmark_iter_new(node);
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
        cmark_node *n = cmark_iter_get_node(it);
        if (ev != CMARK_EVENT_ENTER)
            continue;
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
            out += literal(n);
            break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            out += u' ';
            break;
        default:
            break;
        }
    }
    cmark_iter_free(it);
    return out;
}

} // namespace frontmark::detail
