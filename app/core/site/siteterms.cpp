// SPDX-License-Identifier: GPL-3.0-or-later
#include "siteterms.h"

#include "document/postfile.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace frontmark {

namespace {

bool isContentFile(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == u"md"_s || suffix == u"markdown"_s || suffix == u"html"_s;
}

// The post's value for `key`: the exact key if present, else the first that differs only in
// case (Hugo lower-cases front matter keys, so "Tags" is "tags").
Value lookup(const FrontMatter &fm, const QString &key)
{
    if (fm.contains(key))
        return fm.value(key);
    for (const QString &k : fm.keys()) {
        if (k.compare(key, Qt::CaseInsensitive) == 0)
            return fm.value(k);
    }
    return {};
}

struct Term {
    int posts = 0;                 // posts that use the term, in any spelling
    QHash<QString, int> spellings; // spelling -> posts that write it so
    QString firstSpelling;         // tie-break between spellings: the first met
};

} // namespace

QStringList siteTerms(const Site &site, const QString &key)
{
    const QString root = site.contentDir();
    if (root.isEmpty() || key.isEmpty())
        return {};

    // Sorted paths, so that which spelling wins a tie does not depend on the file system's order.
    QStringList paths;
    QDirIterator it(root, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (isContentFile(path))
            paths.append(path);
    }
    paths.sort();

    QHash<QString, Term> terms; // keyed by the case-folded term
    for (const QString &path : std::as_const(paths)) {
        const auto post = PostFile::load(path);
        if (!post.ok() || !post.value().frontMatter().isValid())
            continue;
        const Value value = lookup(post.value().frontMatter(), key);
        QSet<QString> seen; // a post that repeats a term counts once
        for (const QString &raw : value.toStringList()) {
            const QString term = raw.trimmed();
            if (term.isEmpty())
                continue;
            const QString folded = term.toCaseFolded();
            if (seen.contains(folded))
                continue;
            seen.insert(folded);
            Term &t = terms[folded];
            ++t.posts;
            if (t.firstSpelling.isEmpty())
                t.firstSpelling = term;
            ++t.spellings[term];
        }
    }

    struct Entry {
        QString spelling;
        int posts;
    };
    QList<Entry> entries;
    entries.reserve(terms.size());
    for (auto i = terms.cbegin(); i != terms.cend(); ++i) {
        const Term &t = i.value();
        QString best = t.firstSpelling;
        int bestCount = t.spellings.value(best);
        for (auto s = t.spellings.cbegin(); s != t.spellings.cend(); ++s) {
            if (s.value() > bestCount) {
                best = s.key();
                bestCount = s.value();
            }
        }
        entries.append({best, t.posts});
    }
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
        if (a.posts != b.posts)
            return a.posts > b.posts;
        const int c = a.spelling.compare(b.spelling, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a.spelling < b.spelling;
    });

    QStringList out;
    out.reserve(entries.size());
    for (const Entry &e : std::as_const(entries))
        out.append(e.spelling);
    return out;
}

} // namespace frontmark
