// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"

#include "document/postfile.h"
#include "document/valuetext.h"
#include "publish/validator.h"
#include "render/markdownrenderer.h"

#include <QCommandLineParser>

#include <optional>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace frontmark::cli {

namespace {

const QString kUsage = u"Usage: frontmark-cli <command> [options]\n"
                       "\n"
                       "Commands:\n"
                       "  check FILE... [--json]    validate posts; prints file:line:column: message\n"
                       "  get FILE KEY [--json]     print a front matter value\n"
                       "  set FILE KEY VALUE        set a front matter value, changing only its bytes\n"
                       "  render FILE [--site DIR] [--hugo-version 0.111|current] [--unsafe]\n"
                       "                            print the body HTML as Hugo's {{ .Content }}\n"
                       "  new TITLE --site DIR [--section posts] [--name NAME]\n"
                       "                            create a post from the site's archetype, as `hugo new` does\n"
                       "  publish FILE [--site DIR] [--section posts] [--name NAME] [--set-date] [--yes] [--dry-run]\n"
                       "                            validate, set draft = false and write the post into the site\n"
                       "  images FILE [--site DIR] [--json]\n"
                       "                            list the post's images with alt text, caption and status\n"
                       "\n"
                       "Exit status, the same for every command:\n"
                       "  0  clean (warnings allowed)\n"
                       "  1  problems found: an error in a post, or a post that does not parse\n"
                       "  2  could not run: bad usage, a file that cannot be read, a site that does not load\n"_s;

// Parses options shared by commands; returns false (after printing) on bad usage.
bool parse(QCommandLineParser &parser, const QString &command, const QStringList &args, QTextStream &err)
{
    parser.setApplicationDescription(kUsage);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(QStringList{u"frontmark-cli "_s + command} + args)) {
        err << parser.errorText() << u"\n"_s;
        return false;
    }
    return true;
}

QJsonValue toJson(const Value &v)
{
    switch (v.type()) {
    case Value::Type::Null: return QJsonValue::Null;
    case Value::Type::String: return v.toString();
    case Value::Type::Bool: return v.toBool();
    case Value::Type::Integer: return double(v.toInteger());
    case Value::Type::Float: return v.toFloat();
    case Value::Type::DateTime: return v.toDateTime().text.trimmed();
    case Value::Type::List: {
        QJsonArray a;
        for (const Value &item : v.toList())
            a.append(toJson(item));
        return a;
    }
    case Value::Type::Map: {
        QJsonObject o;
        for (const auto &[k, item] : v.toMap())
            o.insert(k, toJson(item));
        return o;
    }
    }
    return {};
}

} // namespace

int exitCodeFor(const Error &loadError)
{
    return loadError.kind == Error::Kind::Io ? CouldNotRun : Problems;
}

int frontMatterStatus(const QString &file, const PostFile &post, QTextStream &err)
{
    const std::optional<Error> &e = post.frontMatter().error();
    if (!e)
        return Clean;
    Error located = *e;
    if (located.file.isEmpty())
        located.file = file;
    err << located.toString() << u"\n"_s;
    return Problems;
}

int check(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption json(u"json"_s, u"Print the problems as a JSON array."_s);
    parser.addOption(json);
    parser.addPositionalArgument(u"FILE"_s, u"Posts to check."_s, u"FILE..."_s);
    if (!parse(parser, u"check"_s, args, err))
        return CouldNotRun;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        err << u"check: name at least one post file.\n"_s;
        return CouldNotRun;
    }

    bool errors = false;
    bool couldNotRun = false;
    QJsonArray all;
    const auto report = [&](const Diagnostic &d) {
        errors = errors || d.isError();
        if (parser.isSet(json)) {
            all.append(QJsonObject{{u"file"_s, d.file},
                                   {u"line"_s, d.line},
                                   {u"column"_s, d.column},
                                   {u"severity"_s, d.isError() ? u"error"_s : u"warning"_s},
                                   {u"message"_s, d.message}});
        } else {
            out << d.toString() << u"\n"_s;
        }
    };
    for (const QString &file : files) {
        // The same checks as Publish and the Problems panel (validator::checkDocument).
        const auto loaded = PostFile::load(file);
        if (!loaded.ok()) {
            Error e = loaded.error();
            if (exitCodeFor(e) == CouldNotRun) {
                err << (e.file.isEmpty() ? file : e.file) << u": error: "_s << e.message << u"\n"_s;
                couldNotRun = true;
                continue;
            }
            report(Diagnostic{Diagnostic::Severity::Error, e.message, e.file.isEmpty() ? file : e.file, e.line, e.column});
            continue;
        }
        const std::optional<RenderOptions> options = renderOptionsFor(file, loaded.value(), QString(), err);
        if (!options) {
            couldNotRun = true;
            continue;
        }
        for (Diagnostic d : validator::checkDocument(loaded.value(), *options)) {
            d.file = file;
            report(d);
        }
    }
    if (parser.isSet(json))
        out << QString::fromUtf8(QJsonDocument(all).toJson(QJsonDocument::Indented));
    if (couldNotRun)
        return CouldNotRun;
    return errors ? Problems : Clean;
}

int get(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption json(u"json"_s, u"Print the value as JSON."_s);
    parser.addOption(json);
    parser.addPositionalArgument(u"FILE"_s, u"The post."_s);
    parser.addPositionalArgument(u"KEY"_s, u"The front matter key."_s);
    if (!parse(parser, u"get"_s, args, err))
        return CouldNotRun;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 2) {
        err << u"get: usage: frontmark-cli get FILE KEY [--json]\n"_s;
        return CouldNotRun;
    }
    const auto post = PostFile::load(pos[0]);
    if (!post.ok()) {
        err << post.error().toString() << u"\n"_s;
        return exitCodeFor(post.error());
    }
    const FrontMatter &fm = post.value().frontMatter();
    if (!fm.isValid()) {
        err << fm.error()->toString() << u"\n"_s;
        return Problems;
    }
    if (!fm.contains(pos[1])) {
        err << pos[0] << u": no front matter key “"_s << pos[1] << u"”.\n"_s;
        return Problems;
    }
    const Value v = fm.value(pos[1]);
    if (parser.isSet(json)) {
        QJsonArray wrapper{toJson(v)};
        QByteArray text = QJsonDocument(wrapper).toJson(QJsonDocument::Compact);
        text = text.mid(1, text.size() - 2); // unwrap: QJsonDocument cannot hold a bare scalar
        out << QString::fromUtf8(text) << u"\n"_s;
    } else if (v.isList() && std::all_of(v.toList().begin(), v.toList().end(), [](const Value &i) { return i.isScalar(); })) {
        for (const Value &item : v.toList())
            out << item.toDisplayString() << u"\n"_s;
    } else {
        out << v.toDisplayString() << u"\n"_s;
    }
    return Clean;
}

int set(const QStringList &args, QTextStream &out, QTextStream &err)
{
    // Parsed by hand: VALUE may itself start with "-" (a negative weight, "-1").
    bool asString = false;
    QStringList pos;
    bool onlyPositional = false;
    for (const QString &arg : args) {
        if (!onlyPositional && pos.size() < 2 && (arg == u"--help"_s || arg == u"-h"_s)) {
            out << u"Usage: frontmark-cli set FILE KEY VALUE [--string]\n"_s
                   u"Sets KEY, typed like its current value (or inferred), patching only its bytes.\n"_s
                   u"  --string   store VALUE as text, whatever it looks like\n"_s;
            return Clean;
        }
        if (!onlyPositional && arg == u"--"_s) {
            onlyPositional = true;
            continue;
        }
        if (!onlyPositional && arg == u"--string"_s) {
            asString = true;
            continue;
        }
        if (!onlyPositional && pos.size() < 2 && arg.startsWith(u'-') && arg.size() > 1) {
            err << u"set: unknown option “"_s << arg << u"”.\n"_s;
            return CouldNotRun;
        }
        pos.append(arg);
    }
    if (pos.size() != 3) {
        err << u"set: usage: frontmark-cli set FILE KEY VALUE [--string]\n"_s;
        return CouldNotRun;
    }
    const QString &file = pos[0];
    auto loaded = PostFile::load(file);
    if (!loaded.ok()) {
        err << loaded.error().toString() << u"\n"_s;
        return exitCodeFor(loaded.error());
    }
    PostFile post = std::move(loaded).value();
    FrontMatter &fm = post.frontMatter();
    if (!fm.isValid()) {
        err << fm.error()->toString() << u"\n"_s;
        return Problems;
    }
    std::optional<Value::Type> like;
    if (asString)
        like = Value::Type::String;
    else if (fm.contains(pos[1]) && !fm.value(pos[1]).isNull())
        like = fm.value(pos[1]).type();
    const auto value = parseValueText(pos[2], like);
    if (!value.ok()) {
        err << file << u": "_s << value.error().message << u"\n"_s;
        return Problems;
    }
    const QByteArray before = post.toBytes();
    const Status status = fm.setValue(pos[1], value.value());
    if (!status.ok()) {
        Error e = status.error();
        if (e.file.isEmpty())
            e.file = file;
        err << e.toString() << u"\n"_s;
        return Problems;
    }
    if (post.toBytes() == before)
        return Clean; // same value: the file is not touched at all
    const Status saved = post.save(file);
    if (!saved.ok()) {
        err << saved.error().toString() << u"\n"_s;
        return CouldNotRun;
    }
    return Clean;
}

int render(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption siteOpt(u"site"_s, u"The Hugo site (default: found from FILE)."_s, u"DIR"_s);
    const QCommandLineOption versionOpt(u"hugo-version"_s, u"Built-in shortcode markup: 0.111 or current."_s,
                                        u"V"_s, u"current"_s);
    const QCommandLineOption unsafeOpt(u"unsafe"_s, u"Pass raw HTML through (markup.goldmark.renderer.unsafe)."_s);
    const QCommandLineOption diagOpt(u"diagnostics"_s, u"Also print diagnostics to stderr."_s);
    parser.addOptions({siteOpt, versionOpt, unsafeOpt, diagOpt});
    parser.addPositionalArgument(u"FILE"_s, u"The post."_s);
    if (!parse(parser, u"render"_s, args, err))
        return CouldNotRun;
    if (parser.positionalArguments().size() != 1) {
        err << u"render: usage: frontmark-cli render FILE [--site DIR] [--hugo-version 0.111|current] [--unsafe]\n"_s;
        return CouldNotRun;
    }
    const QString file = parser.positionalArguments().constFirst();
    const auto post = PostFile::load(file);
    if (!post.ok()) {
        err << post.error().toString() << u"\n"_s;
        return exitCodeFor(post.error());
    }
    RenderOptions options;
    const QString version = parser.value(versionOpt);
    if (version == u"0.111"_s || version.startsWith(u"0.111."_s)) {
        options.hugoVersion = HugoVersion::V0_111;
    } else if (version != u"current"_s) {
        err << u"render: unknown --hugo-version “"_s << version << u"”; use 0.111 or current.\n"_s;
        return CouldNotRun;
    }
    std::optional<RenderOptions> forPost = renderOptionsFor(file, post.value(), parser.value(siteOpt), err);
    if (!forPost)
        return CouldNotRun;
    forPost->hugoVersion = options.hugoVersion;
    options = std::move(*forPost);
    if (parser.isSet(unsafeOpt))
        options.site.setUnsafe(true);

    const MarkdownRenderer renderer;
    const RenderResult result = renderer.render(QString::fromUtf8(post.value().body()), options);
    out << result.html;
    if (parser.isSet(diagOpt)) {
        for (const Diagnostic &d : result.diagnostics)
            err << d.toString() << u"\n"_s;
    }
    return frontMatterStatus(file, post.value(), err);
}

std::optional<RenderOptions> renderOptionsFor(const QString &file, const PostFile &post, const QString &siteDir,
                                              QTextStream &err)
{
    RenderOptions options;
    if (!siteDir.isEmpty()) {
        auto site = Site::load(siteDir);
        if (!site.ok()) {
            err << site.error().toString() << u"\n"_s;
            return std::nullopt;
        }
        options.site = site.value();
    } else {
        options.site = Site::forPost(file);
    }
    options.postPath = file;
    options.bodyFirstLine = post.bodyFirstLine();
    options.frontMatter = post.frontMatter().toMap();
    return options;
}

int run(const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (args.isEmpty() || args[0] == u"--help"_s || args[0] == u"-h"_s || args[0] == u"help"_s) {
        (args.isEmpty() ? err : out) << kUsage;
        return args.isEmpty() ? CouldNotRun : Clean;
    }
    if (args[0] == u"--version"_s) {
        out << u"frontmark-cli "_s << QCoreApplication::applicationVersion() << u"\n"_s;
        return Clean;
    }
    const QString command = args[0];
    const QStringList rest = args.mid(1);
    if (command == u"check"_s)
        return check(rest, out, err);
    if (command == u"get"_s)
        return get(rest, out, err);
    if (command == u"set"_s)
        return set(rest, out, err);
    if (command == u"render"_s)
        return render(rest, out, err);
    if (command == u"new"_s)
        return newPost(rest, out, err);
    if (command == u"publish"_s)
        return publish(rest, out, err);
    if (command == u"images"_s)
        return images(rest, out, err);
    err << u"frontmark-cli: unknown command “"_s << command << u"”.\n\n"_s << kUsage;
    return CouldNotRun;
}

} // namespace frontmark::cli
