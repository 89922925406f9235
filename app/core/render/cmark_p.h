// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The one gateway to cmark-gfm, shared by the translation units that parse Markdown with it
// (render/markdownrenderer.cpp for the preview and Publish, images/postimages.cpp for image
// source positions). cmark-gfm keeps its extension registry and some parse tables in globals
// (docs/decisions.md, decision 8): every parse, render and tree walk happens while a
// CmarkDocument holds the process-wide lock, after the extensions are registered.

#include <QByteArray>
#include <QByteArrayList>
#include <QMutex>
#include <QString>

struct cmark_node;
struct cmark_parser;

namespace frontmark::detail {

/// The one lock around every use of cmark-gfm in the process.
QMutex &cmarkMutex();
/// Registers cmark-gfm's core extensions (table, strikethrough, …) once per process.
void registerExtensionsOnce();

/**
 * A parsed Markdown document: the parser with `options` (CMARK_OPT_*) and the named syntax
 * extensions attached ("table", "strikethrough", "autolink", "tasklist"; unknown names are
 * skipped), and its tree. Holds cmarkMutex() from construction to destruction, so the tree can
 * be walked, edited and rendered freely in between; frees everything at the end. Not
 * copyable; one thread.
 */
class CmarkDocument
{
public:
    CmarkDocument(const QByteArray &markdown, int options, const QByteArrayList &extensions);
    ~CmarkDocument();
    CmarkDocument(const CmarkDocument &) = delete;
    CmarkDocument &operator=(const CmarkDocument &) = delete;

    cmark_node *root() const { return m_root; }
    int options() const { return m_options; }
    /// cmark-gfm's HTML for `node` (the whole document: root()), with this parse's options
    /// and extensions.
    QString renderHtml(cmark_node *node) const;

private:
    QMutexLocker<QMutex> m_lock;
    int m_options = 0;
    cmark_parser *m_parser = nullptr;
    cmark_node *m_root = nullptr;
};

/// A node's literal (text, code, HTML), decoded; empty for nodes without one.
QString literal(cmark_node *node);
/// The plain text of an inline subtree as Goldmark's Node.Text() gives it (heading ids, image
/// alt text): text and code literals, soft and hard breaks as spaces, raw HTML left out.
QString plainText(cmark_node *node);

} // namespace frontmark::detail
