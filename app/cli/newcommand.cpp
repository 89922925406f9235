// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"

#include "publish/archetype.h"
#include "site/site.h"

#include <QCommandLineParser>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace frontmark::cli {

namespace {

const QString kNewUsage = u"Usage: frontmark-cli new TITLE --site DIR [--section posts] [--name NAME]\n"_s;

} // namespace

// `new TITLE --site DIR [--section posts] [--name NAME]`: what `hugo new <section>/<name>.md`
// writes, with TITLE as the title. Prints the path written. 0 written, 1 refused because the
// file exists, 2 bad usage or the post could not be made (unsupported archetype, I/O).
int newPost(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption siteOption(u"site"_s, u"The Hugo site (the folder with hugo.toml)."_s, u"DIR"_s);
    const QCommandLineOption sectionOption(u"section"_s, u"Section (content sub-folder) for the post."_s, u"SECTION"_s,
                                           u"posts"_s);
    const QCommandLineOption nameOption(u"name"_s, u"File name without .md (default: a slug of TITLE)."_s, u"NAME"_s);
    const QCommandLineOption helpOption(QStringList{u"h"_s, u"help"_s}, u"Show this help."_s);
    parser.addOptions({siteOption, sectionOption, nameOption, helpOption});
    parser.addPositionalArgument(u"TITLE"_s, u"The post's title."_s);
    if (!parser.parse(QStringList{u"frontmark-cli new"_s} + args)) {
        err << parser.errorText() << u"\n"_s << kNewUsage;
        return CouldNotRun;
    }
    if (parser.isSet(helpOption)) {
        out << kNewUsage
            << u"Creates <site>/<contentDir>/<section>/<name>.md from the site's archetype, as `hugo new` does.\n"_s;
        return Clean;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || positional.first().trimmed().isEmpty()) {
        err << u"new: give exactly one TITLE (quote it if it has spaces).\n"_s << kNewUsage;
        return CouldNotRun;
    }
    if (!parser.isSet(siteOption) || parser.value(siteOption).isEmpty()) {
        err << u"new: say which site with --site DIR.\n"_s << kNewUsage;
        return CouldNotRun;
    }

    const auto site = Site::load(parser.value(siteOption));
    if (!site.ok()) {
        err << site.error().toString() << u"\n"_s;
        return CouldNotRun;
    }
    if (site.value().configError()) {
        err << site.value().configError()->toString() << u"\n"_s;
        return CouldNotRun;
    }

    archetype::NewPost post;
    post.title = positional.first().trimmed();
    post.section = parser.value(sectionOption);
    QString name = parser.value(nameOption).trimmed();
    if (name.endsWith(u".md"_s, Qt::CaseInsensitive))
        name.chop(3);
    post.name = name;

    const QString target = archetype::targetPath(site.value(), post);
    if (QFileInfo::exists(target)) {
        err << target << u": error: a post already exists here; choose another --name.\n"_s;
        return Problems;
    }
    const auto created = archetype::create(site.value(), post);
    if (!created.ok()) {
        err << created.error().toString() << u"\n"_s;
        // Someone else created the file in the meantime: still a refusal, not a failure.
        return QFileInfo::exists(target) && created.error().kind == Error::Kind::Invalid ? Problems : CouldNotRun;
    }
    out << created.value() << u"\n"_s;
    return Clean;
}

} // namespace frontmark::cli
