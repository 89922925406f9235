// SPDX-License-Identifier: GPL-3.0-or-later
#include "validator.h"

#include "document/postfile.h"
#include "images/postimages.h"
#include "render/markdownrenderer.h"
#include "site/site.h"
#include "util/trcontexts.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace frontmark {

namespace validator {

namespace {

struct Checker {
    const PostFile &post;
    const QDateTime &now;
    Diagnostics out;

    // Hugo lower-cases front matter keys; find the key as written.
    QString find(QStringView lowerName) const
    {
        for (const QString &k : post.frontMatter().keys()) {
            if (k.toLower() == lowerName)
                return k;
        }
        return {};
    }

    void report(Diagnostic::Severity severity, const QString &key, const QString &message)
    {
        const auto [line, column] = post.frontMatter().position(key);
        out.append(Diagnostic{severity, message, post.fileName(), line, column});
    }

    std::optional<DateTimeValue> dateOf(const QString &key)
    {
        const Value v = post.frontMatter().value(key);
        if (v.type() == Value::Type::DateTime)
            return v.toDateTime();
        if (v.isNull() || (v.isString() && v.toString().trimmed().isEmpty()))
            return std::nullopt; // Hugo treats an empty date as unset
        if (v.isString()) {
            if (auto dt = DateTimeValue::parse(v.toString()))
                return dt;
        }
        report(Diagnostic::Severity::Error, key,
               Validator::tr("“%1” is not a date Hugo can read (%2); write it like 2025-05-12T14:30:25+08:00 or 2025-05-12.")
                   .arg(key, v.toDisplayString()));
        return std::nullopt;
    }

    // Hugo's build options (`build`, or `_build` as older sites write it): render "never" (or
    // false, Hugo < 0.77's spelling) builds no page, so publishing changes nothing visible.
    void checkBuildOptions()
    {
        for (const QString &name : {u"build"_s, u"_build"_s}) {
            const QString key = find(name);
            if (key.isEmpty())
                continue;
            const Value options = post.frontMatter().value(key);
            if (!options.isMap())
                continue;
            for (const auto &[option, value] : options.toMap()) {
                if (option.toLower() != u"render")
                    continue;
                const bool never = (value.isString() && value.toString().trimmed().toLower() == u"never")
                    || (value.isBool() && !value.toBool());
                if (never) {
                    report(Diagnostic::Severity::Warning, key,
                           Validator::tr("“%1” sets render to %2: Hugo builds no page for this post, so publishing it shows nothing on the site.")
                               .arg(key, value.toDisplayString()));
                }
            }
        }
    }

    void run()
    {
        const FrontMatter &fm = post.frontMatter();
        if (!fm.isValid()) {
            const Error &e = *fm.error();
            out.append(Diagnostic{Diagnostic::Severity::Error, e.message, post.fileName(), e.line, e.column});
            return;
        }
        if (fm.format() == FrontMatterFormat::None) {
            out.append(Diagnostic{Diagnostic::Severity::Error,
                                  Publisher::tr("The post has no front matter: Hugo needs at least a title and a date."),
                                  post.fileName(), 1, 1, u"no-front-matter"_s});
            return;
        }

        const QString titleKey = find(u"title");
        const Value title = titleKey.isEmpty() ? Value() : fm.value(titleKey);
        if (titleKey.isEmpty() || title.isNull() || (title.isString() && title.toString().trimmed().isEmpty())) {
            const auto [line, column] = titleKey.isEmpty() ? std::pair{fm.firstLine(), 1} : fm.position(titleKey);
            out.append(Diagnostic{Diagnostic::Severity::Error,
                                  Publisher::tr("The post has no title; Hugo would list it with an empty heading."),
                                  post.fileName(), line, column, u"no-title"_s});
        }
        // A section or home page (_index.md) takes its date from its pages in Hugo: none is fine.
        const bool listPage = QFileInfo(post.fileName()).completeBaseName() == u"_index";
        if (find(u"date").isEmpty() && !listPage) {
            out.append(Diagnostic{Diagnostic::Severity::Warning,
                                  Publisher::tr("The post has no date: Hugo dates it 0001-01-01 and lists it last. Publish with “set the date to now”, or add one."),
                                  post.fileName(), fm.firstLine(), 1, u"no-date"_s});
        }
        checkBuildOptions();

        if (const QString key = find(u"title"); !key.isEmpty()) {
            const Value v = fm.value(key);
            if (!v.isString() && !v.isNull())
                report(Diagnostic::Severity::Error, key,
                       Validator::tr("“%1” must be text, but it is %2 (%3); put it in quotes.")
                           .arg(key, Value::typeName(v.type()), v.toDisplayString()));
        }

        for (const QString &name : {u"date"_s, u"publishdate"_s, u"pubdate"_s, u"published"_s, u"lastmod"_s,
                                   u"modified"_s, u"expirydate"_s, u"unpublishdate"_s}) {
            const QString key = find(name);
            if (key.isEmpty())
                continue;
            const auto dt = dateOf(key);
            if (!dt)
                continue;
            const bool isPublishDate = name == u"date"_s || name == u"publishdate"_s || name == u"pubdate"_s
                || name == u"published"_s;
            const bool isExpiry = name == u"expirydate"_s || name == u"unpublishdate"_s;
            if (isPublishDate && dt->dateTime > now)
                report(Diagnostic::Severity::Warning, key,
                       Validator::tr("“%1” is in the future (%2); Hugo will not publish the post until then unless the site builds with buildFuture.")
                           .arg(key, dt->text.trimmed()));
            if (isExpiry && dt->dateTime <= now)
                report(Diagnostic::Severity::Warning, key,
                       Validator::tr("“%1” has passed (%2); Hugo will not publish an expired post unless the site builds with buildExpired.")
                           .arg(key, dt->text.trimmed()));
        }

        if (const QString key = find(u"draft"); !key.isEmpty()) {
            const Value v = fm.value(key);
            if (v.isString() && (v.toString() == u"true"_s || v.toString() == u"false"_s)) {
                report(Diagnostic::Severity::Warning, key,
                       Validator::tr("“%1” is the text \"%2\"; write it without quotes so it is a true/false value.").arg(key, v.toString()));
            } else if (!v.isBool() && !v.isNull()) {
                report(Diagnostic::Severity::Error, key,
                       Validator::tr("“%1” must be true or false, but it is %2 (%3).")
                           .arg(key, Value::typeName(v.type()), v.toDisplayString()));
            }
        }

        if (const QString key = find(u"url"); !key.isEmpty()) {
            const Value v = fm.value(key);
            if (v.isString() && Site::hasHttpProtocol(v.toString().trimmed())) {
                // Hugo stops the build: "URLs with protocol (http*) not supported".
                report(Diagnostic::Severity::Error, key,
                       Validator::tr("“%1” is a full address (%2); Hugo stops the build on a page URL with http:// or https://. Write a path such as /about/.")
                           .arg(key, v.toString().trimmed()));
            }
        }

        for (const QString &name : {u"tags"_s, u"categories"_s}) {
            const QString key = find(name);
            if (key.isEmpty())
                continue;
            const Value v = fm.value(key);
            if (v.isNull() || v.isString())
                continue;
            if (!v.isList()) {
                report(Diagnostic::Severity::Error, key,
                       Validator::tr("“%1” must be a list like [\"a\", \"b\"] or a single text, but it is %2.")
                           .arg(key, Value::typeName(v.type())));
                continue;
            }
            for (const Value &item : v.toList()) {
                if (!item.isScalar() || item.isNull()) {
                    report(Diagnostic::Severity::Error, key,
                           Validator::tr("Each entry of “%1” must be a single term, but one is %2.")
                               .arg(key, Value::typeName(item.type())));
                    break;
                }
            }
        }
    }
};

} // namespace

Diagnostics checkPost(const PostFile &post, const QDateTime &now)
{
    Checker checker{post, now, {}};
    checker.run();
    return checker.out;
}

Diagnostics reviewRender(const Diagnostics &rendered, const Site &site)
{
    Diagnostics out;
    out.reserve(rendered.size());
    for (Diagnostic d : rendered) {
        if (d.code == u"missing-image"_s) {
            // Publish refuses a post whose page would show a broken image.
            d.severity = Diagnostic::Severity::Error;
        } else if (d.code == u"unknown-shortcode"_s) {
            // The preview boxes shortcodes it does not know; Hugo stops the build when neither
            // the site nor a theme has a template for one.
            if (site.hasShortcodeTemplate(d.subject))
                continue;
            d.severity = Diagnostic::Severity::Error;
            d.message = Publisher::tr("Hugo has no template for the shortcode “%1” in this site or its themes (layouts/shortcodes/%1.html) and stops the build.")
                            .arg(d.subject);
        }
        out.append(d);
    }
    return out;
}

Diagnostics checkDocument(const PostFile &post, const RenderOptions &options, const QDateTime &now)
{
    Diagnostics out = checkPost(post, now);
    const QString file = post.fileName();
    for (Diagnostic d : reviewRender(MarkdownRenderer().render(post.bodyText(), options).diagnostics, options.site)) {
        d.file = file;
        out.append(d);
    }
    out += imageProblems(findImages(post.bodyText(), options), file);
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic &a, const Diagnostic &b) { return a.line < b.line; });
    return out;
}

Diagnostics checkFile(const QString &path, const QDateTime &now)
{
    const auto loaded = PostFile::load(path);
    if (!loaded.ok()) {
        const Error &e = loaded.error();
        return {Diagnostic{Diagnostic::Severity::Error, e.message, e.file.isEmpty() ? path : e.file, e.line, e.column}};
    }
    return checkPost(loaded.value(), now);
}

} // namespace validator
} // namespace frontmark
