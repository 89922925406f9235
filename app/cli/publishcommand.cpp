// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"

#include "document/postfile.h"
#include "publish/publisher.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace frontmark::cli {

namespace {

// "Warnings ask": on a terminal we ask; from a script (no terminal) --yes is the answer.
bool confirm(const QString &question, bool yes, QTextStream &out)
{
    if (yes)
        return true;
    if (!::isatty(STDIN_FILENO)) {
        out << question << u" Not on a terminal: run again with --yes to go ahead.\n"_s;
        return false;
    }
    out << question << u" [y/N] "_s;
    out.flush();
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return false;
    const QByteArray answer = in.readLine().trimmed().toLower();
    return answer == "y" || answer == "yes";
}

} // namespace

int publish(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption siteOption(u"site"_s, u"The site to publish a post from outside a site into."_s, u"DIR"_s);
    const QCommandLineOption sectionOption(u"section"_s, u"Section (content sub-folder) for a post from outside a site."_s,
                                           u"SECTION"_s, u"posts"_s);
    const QCommandLineOption nameOption(u"name"_s, u"File name (without .md) for a post from outside a site."_s, u"NAME"_s);
    const QCommandLineOption setDateOption(u"set-date"_s, u"Set the date to now, with the local UTC offset."_s);
    const QCommandLineOption yesOption(u"yes"_s, u"Publish despite warnings, and replace an existing file."_s);
    const QCommandLineOption dryRunOption(u"dry-run"_s, u"Show the problems and the changes; write nothing."_s);
    parser.addOptions({siteOption, sectionOption, nameOption, setDateOption, yesOption, dryRunOption});
    parser.addPositionalArgument(u"FILE"_s, u"The post to publish."_s);
    if (!parser.parse(QStringList{u"frontmark-cli publish"_s} + args)) {
        err << parser.errorText() << u"\n"_s;
        return CouldNotRun;
    }
    if (parser.positionalArguments().size() != 1) {
        err << u"Usage: frontmark-cli publish FILE [--site DIR] [--section posts] [--name NAME] [--set-date] [--yes] [--dry-run]\n"_s;
        return CouldNotRun;
    }
    const QString path = QFileInfo(parser.positionalArguments().first()).absoluteFilePath();
    const auto post = PostFile::load(path);
    if (!post.ok()) {
        err << post.error().toString() << u"\n"_s;
        return exitCodeFor(post.error());
    }

    publisher::Options options;
    options.targetSite = parser.value(siteOption);
    options.section = parser.value(sectionOption);
    options.name = parser.value(nameOption);
    options.setDate = parser.isSet(setDateOption);
    const publisher::Plan plan = publisher::prepare(post.value(), path, options);

    for (const Diagnostic &d : plan.problems)
        err << d.toString() << u"\n"_s;
    if (plan.hasErrors()) {
        err << u"Not published: fix the errors above first.\n"_s;
        return Problems;
    }
    out << (plan.inPlace ? u"Publishing in place: "_s : u"Publishing to: "_s) << plan.targetPath << u"\n"_s;
    for (const publisher::ImageCopy &copy : plan.images) {
        out << u"  image "_s << copy.url << u": "_s
            << (copy.sameFileThere ? QString(u"already in the site at "_s + copy.to) : QString(copy.from + u" → "_s + copy.to)) << u"\n"_s;
    }
    const QString diff = plan.diff();
    out << (diff.isEmpty() ? u"No change to the file's bytes.\n"_s : diff);
    if (parser.isSet(dryRunOption))
        return plan.hasWarnings() ? Problems : Clean;

    const bool yes = parser.isSet(yesOption);
    if (plan.hasWarnings() && !confirm(u"There are warnings above. Publish anyway?"_s, yes, out))
        return Problems;
    if (plan.overwritesAnotherFile() && !confirm(u"“%1” already exists. Replace it?"_s.arg(plan.targetPath), yes, out))
        return Problems;
    const auto written = publisher::execute(plan, /*allowOverwrite=*/true); // confirmed above;
    if (!written.ok()) {
        err << written.error().toString() << u"\n"
               "Nothing was lost: "_s << path << u" is unchanged.\n"_s;
        return CouldNotRun;
    }
    out << u"Published "_s << written.value() << u"\n"_s;
    return Clean;
}

} // namespace frontmark::cli
