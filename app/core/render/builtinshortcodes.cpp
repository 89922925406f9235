// SPDX-License-Identifier: GPL-3.0-or-later
#include "builtinshortcodes.h"

#include "util/trcontexts.h"

#include <QCoreApplication>
#include <QUrl>

#include <algorithm>
#include <cmath>

// Hugo's embedded shortcode templates, rendered by hand. Each renderer follows its template
// action by action, including the whitespace the template's {{- -}} trimming leaves, because
// {{% %}} output is parsed as Markdown and a stray blank line or indent changes the result.
//  - HugoVersion::V0_111: tpl/tplimpl/embedded/templates/shortcodes/*.html as of Hugo 0.111.3;
//    youtube, vimeo, figure, gist and param are checked against ../shared/corpus/expected/.
//  - HugoVersion::Current: tpl/tplimpl/embedded/templates/_shortcodes/*.html (Hugo ≥ 0.146).
// Values go through the escapers Go's html/template picks for their context (text and
// attributes: htmlEscape; URL attributes: urlFilter + urlNormalize; query parts: urlEscape).

using namespace Qt::StringLiterals;

namespace frontmark::shortcodes {

bool Call::isNamed() const
{
    return !arguments.isEmpty() && !arguments.first().key.isEmpty();
}

qsizetype Call::positionalCount() const
{
    return isNamed() ? 0 : arguments.size();
}

const Argument *Call::get(QStringView key) const
{
    if (!isNamed())
        return nullptr;
    for (auto it = arguments.crbegin(); it != arguments.crend(); ++it) {
        if (it->key == key)
            return &*it;
    }
    return nullptr;
}

const Argument *Call::get(qsizetype index) const
{
    if (isNamed() || index < 0 || index >= arguments.size())
        return nullptr;
    return &arguments[index];
}

BuiltinSpec builtinSpec(QStringView name, HugoVersion version)
{
    static const QStringList both = {u"figure"_s, u"gist"_s, u"instagram"_s, u"param"_s, u"ref"_s,
                                     u"relref"_s, u"tweet"_s, u"twitter"_s, u"twitter_simple"_s,
                                     u"vimeo"_s, u"vimeo_simple"_s, u"youtube"_s};
    // Hugo 0.111 has no x/x_simple (added in 0.141) and no details/comment/qr; current Hugo
    // dropped instagram_simple.
    static const QStringList only0111 = {u"instagram_simple"_s};
    static const QStringList onlyCurrent = {u"x"_s, u"x_simple"_s};
    if (name == u"highlight")
        return {true, true};
    if (both.contains(name))
        return {true, false};
    if (version == HugoVersion::V0_111)
        return {only0111.contains(name), false};
    if (name == u"details" || name == u"comment")
        return {true, true};
    if (name == u"qr")
        return {true, true, false};
    return {onlyCurrent.contains(name), false};
}

void Reporter::report(Diagnostic::Severity severity, const QString &message, int line, int column)
{
    // A garbage document can hold a problem every three characters; past this many the list
    // helps nobody and only costs memory.
    constexpr qsizetype kMaxDiagnostics = 500;
    if (m_diagnostics.size() >= kMaxDiagnostics) {
        if (!m_truncated) {
            m_truncated = true;
            m_diagnostics.append(Diagnostic{Diagnostic::Severity::Error,
                                            Shortcodes::tr("Too many shortcode problems; fix the ones above first."), m_file, 0, 0});
        }
        return;
    }
    m_diagnostics.append(Diagnostic{severity, message, m_file, line, column});
}

void Reporter::tagLast(const QString &code, const QString &subject)
{
    if (!m_diagnostics.isEmpty() && !m_truncated) {
        m_diagnostics.last().code = code;
        m_diagnostics.last().subject = subject;
    }
}

QString htmlEscape(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        switch (c.unicode()) {
        case 0: out += QChar(0xFFFD); break;
        case '"': out += u"&#34;"_s; break;
        case '&': out += u"&amp;"_s; break;
        case '\'': out += u"&#39;"_s; break;
        case '+': out += u"&#43;"_s; break;
        case '<': out += u"&lt;"_s; break;
        case '>': out += u"&gt;"_s; break;
        default: out += c;
        }
    }
    return out;
}

QString BuiltinEnv::markdownify(const QString &markdown, bool inlineOnly) const
{
    if (markdown.isEmpty())
        return {};
    if (context.markdownify)
        return context.markdownify(markdown, inlineOnly);
    return inlineOnly ? htmlEscape(markdown) : u"<p>"_s + htmlEscape(markdown) + u"</p>\n"_s;
}

namespace {

// ---- html/template's URL escapers (escape/url.go, processURLOnto) -------------------------

bool isAsciiAlnum(uchar c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// normalize=true keeps reserved characters and valid escapes (urlNormalizer, for a URL's
// scheme/host/path); false escapes them too (urlEscaper, for query values). Lower-case hex.
QString processUrl(QStringView s, bool normalize)
{
    const QByteArray bytes = s.toUtf8();
    QByteArray out;
    out.reserve(bytes.size());
    for (const char ch : bytes) {
        const auto c = static_cast<uchar>(ch);
        const bool reserved = QByteArrayView("!#$&*+,/:;=?@[]").contains(ch) || c == '%';
        if (isAsciiAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || (normalize && reserved)) {
            out += ch;
            continue;
        }
        out += '%';
        out += QByteArray::number(c, 16).rightJustified(2, '0');
    }
    return QString::fromLatin1(out);
}

// html/template's urlFilter: a scheme other than http, https or mailto becomes "#ZgotmplZ".
QString urlFilter(QStringView s)
{
    const qsizetype colon = s.indexOf(u':');
    if (colon >= 0 && !s.first(colon).contains(u'/')) {
        const QStringView scheme = s.first(colon);
        if (scheme.compare(u"http", Qt::CaseInsensitive) != 0 && scheme.compare(u"https", Qt::CaseInsensitive) != 0
            && scheme.compare(u"mailto", Qt::CaseInsensitive) != 0)
            return u"#ZgotmplZ"_s;
    }
    return s.toString();
}

// A whole URL attribute value: src="{{ . }}".
QString urlAttr(QStringView s)
{
    return htmlEscape(processUrl(urlFilter(s), true));
}

// A value inside a URL attribute after literal text such as "https://host/": urlNormalizer only.
QString urlPart(QStringView s)
{
    return htmlEscape(processUrl(s, true));
}

// net/url's QueryEscape (querify): upper-case hex, space as '+'.
QString queryEscape(QStringView s)
{
    QByteArray out;
    for (const char ch : s.toUtf8()) {
        const auto c = static_cast<uchar>(ch);
        if (isAsciiAlnum(c) || c == '-' || c == '_' || c == '.' || c == '~')
            out += ch;
        else if (c == ' ')
            out += '+';
        else
            out += '%' + QByteArray::number(c, 16).toUpper().rightJustified(2, '0');
    }
    return QString::fromLatin1(out);
}

// net/url: shouldEscape for paths and fragments, and validEncoded (url.go).
bool shouldEscape(uchar c, bool fragment)
{
    if (isAsciiAlnum(c) || QByteArrayView("-_.~$&+,/:;=@").contains(static_cast<char>(c)))
        return false;
    if (c == '?')
        return !fragment;
    return !(fragment && QByteArrayView("!()*").contains(static_cast<char>(c)));
}

QByteArray escapedPart(const QByteArray &raw, bool fragment)
{
    bool valid = true;
    for (const char ch : raw) {
        const auto c = static_cast<uchar>(ch);
        if (!QByteArrayView("!$&'()*+,;=:@[]%").contains(ch) && shouldEscape(c, fragment)) {
            valid = false;
            break;
        }
    }
    if (valid)
        return raw;
    const QByteArray decoded = QByteArray::fromPercentEncoding(raw);
    QByteArray out;
    for (const char ch : decoded) {
        const auto c = static_cast<uchar>(ch);
        if (shouldEscape(c, fragment))
            out += '%' + QByteArray::number(c, 16).toUpper().rightJustified(2, '0');
        else
            out += ch;
    }
    return out;
}

// What current Hugo's figure does to src: (urls.Parse src).String. Go re-escapes the path
// and fragment (spaces, non-ASCII) and keeps the query as written.
QString goUrlString(const QString &s)
{
    const QByteArray bytes = s.toUtf8();
    for (const char ch : bytes) {
        if (static_cast<uchar>(ch) < 0x20 || ch == 0x7f)
            return s; // url.Parse fails; Hugo reports a template error
    }
    const qsizetype hash = bytes.indexOf('#');
    const QByteArray beforeFragment = hash < 0 ? bytes : bytes.first(hash);
    const qsizetype question = beforeFragment.indexOf('?');
    QByteArray rest = question < 0 ? beforeFragment : beforeFragment.first(question);
    QByteArray prefix;
    // scheme ":" and "//authority" pass through untouched
    qsizetype i = 0;
    while (i < rest.size() && (isAsciiAlnum(static_cast<uchar>(rest[i])) || QByteArrayView("+-.").contains(rest[i])))
        ++i;
    if (i > 0 && i < rest.size() && rest[i] == ':' && ((rest[0] | 0x20) >= 'a' && (rest[0] | 0x20) <= 'z')) {
        prefix = rest.first(i + 1);
        rest = rest.sliced(i + 1);
    }
    if (rest.startsWith("//")) {
        const qsizetype slash = rest.indexOf('/', 2);
        prefix += slash < 0 ? rest : rest.first(slash);
        rest = slash < 0 ? QByteArray() : rest.sliced(slash);
    }
    QByteArray out = prefix + escapedPart(rest, false);
    if (question >= 0)
        out += beforeFragment.sliced(question);
    if (hash >= 0)
        out += '#' + escapedPart(bytes.sliced(hash + 1), true);
    return QString::fromUtf8(out);
}

// ---- typed arguments (pageparser Item.ValTyped) -------------------------------------------

bool isIntText(QStringView s)
{
    qsizetype i = (s.startsWith(u'-') || s.startsWith(u'+')) ? 1 : 0;
    if (i >= s.size())
        return false;
    for (; i < s.size(); ++i) {
        if (s[i] < u'0' || s[i] > u'9')
            return false;
    }
    return true;
}

bool isFloatText(QStringView s)
{
    const qsizetype dot = s.indexOf(u'.');
    if (dot < 0 || dot == s.size() - 1)
        return false;
    const QStringView whole = s.first(dot);
    const bool signOnly = whole == u"-" || whole == u"+";
    return (whole.isEmpty() || signOnly || isIntText(whole)) && isIntText(s.sliced(dot + 1))
           && s[dot + 1] != u'-' && s[dot + 1] != u'+';
}

QString goFloat(double d)
{
    if (std::isnan(d))
        return u"NaN"_s;
    if (std::isinf(d))
        return d > 0 ? u"+Inf"_s : u"-Inf"_s;
    // strconv 'g' with the shortest precision: %e when exp < -4 || exp >= 6 ("1e+06").
    QString e = QString::number(d, 'e', QLocale::FloatingPointShortest);
    const bool negative = e.startsWith(u'-');
    if (negative)
        e.remove(0, 1);
    const qsizetype ePos = e.indexOf(u'e');
    QString digits = e.first(ePos);
    digits.remove(u'.');
    const int exp = e.sliced(ePos + 1).toInt();
    QString out;
    if (d == 0) {
        out = u"0"_s;
    } else if (exp < -4 || exp >= 6) {
        out = digits.first(1);
        if (digits.size() > 1)
            out += u'.' + digits.sliced(1);
        out += (exp < 0 ? u"e-"_s : u"e+"_s) + QString::number(std::abs(exp)).rightJustified(2, u'0');
    } else {
        const qsizetype dp = exp + 1;
        if (dp <= 0)
            out = u"0."_s + QString(-dp, u'0') + digits;
        else if (dp >= digits.size())
            out = digits + QString(dp - digits.size(), u'0');
        else
            out = digits.first(dp) + u'.' + digits.sliced(dp);
    }
    return negative ? u'-' + out : out;
}

// How {{ . }} prints an argument: unquoted numbers lose leading zeros, floats use %v.
QString display(const Argument *a)
{
    if (!a)
        return {};
    if (a->quoted)
        return a->value;
    bool ok = false;
    if (isIntText(a->value)) {
        const qint64 n = a->value.toLongLong(&ok);
        return ok ? QString::number(n) : a->value;
    }
    if (isFloatText(a->value)) {
        const double d = a->value.toDouble(&ok);
        return ok ? goFloat(d) : a->value;
    }
    return a->value;
}

// Go template truth (with/if/or): empty strings, false and zero are false.
bool truthy(const Argument *a)
{
    if (!a)
        return false;
    if (a->quoted)
        return !a->value.isEmpty();
    if (a->value == u"false")
        return false;
    if (isIntText(a->value) || isFloatText(a->value))
        return a->value.toDouble() != 0;
    return !a->value.isEmpty();
}

// `in (slice "true" true 1) x` and `in (slice "false" false 0) x`.
bool isIn(const Argument *a, bool wanted)
{
    if (!a)
        return false;
    if (a->value == (wanted ? u"true"_s : u"false"_s))
        return true;
    return !a->quoted && (isIntText(a->value) || isFloatText(a->value)) && a->value.toDouble() == (wanted ? 1 : 0);
}

// Go's `or a b`: the first truthy argument, else the last.
QString orDefault(const Argument *a, const QString &fallback)
{
    return truthy(a) ? display(a) : fallback;
}

// ---- param: Go's %v of front matter values ------------------------------------------------

bool goTruthy(const Value &v)
{
    switch (v.type()) {
    case Value::Type::Null: return false;
    case Value::Type::String: return !v.toString().isEmpty();
    case Value::Type::Bool: return v.toBool();
    case Value::Type::Integer: return v.toInteger() != 0;
    case Value::Type::Float: return v.toFloat() != 0;
    case Value::Type::DateTime: return true;
    case Value::Type::List: return !v.toList().isEmpty();
    case Value::Type::Map: return !v.toMap().isEmpty();
    }
    return false;
}

// time.Time.String(): "2006-01-02 15:04:05.999999999 -0700 MST"; a zone without a name
// prints its offset, UTC prints "UTC".
QString goTime(const DateTimeValue &dt)
{
    const QDateTime t = dt.dateTime;
    QString out = t.toString(u"yyyy-MM-dd HH:mm:ss"_s);
    if (const int ms = t.time().msec()) {
        QString frac = QString::number(ms).rightJustified(3, u'0');
        while (frac.endsWith(u'0'))
            frac.chop(1);
        out += u'.' + frac;
    }
    const bool utc = dt.kind != DateTimeValue::Kind::OffsetDateTime || dt.text.trimmed().endsWith(u'Z')
                     || dt.text.trimmed().endsWith(u'z');
    if (utc)
        return out + u" +0000 UTC"_s;
    const int offset = t.offsetFromUtc();
    const QString zone = (offset < 0 ? u"-"_s : u"+"_s)
                         + QString::number(std::abs(offset) / 3600).rightJustified(2, u'0')
                         + QString::number(std::abs(offset) % 3600 / 60).rightJustified(2, u'0');
    return out + u' ' + zone + u' ' + zone;
}

QString goPrint(const Value &v)
{
    switch (v.type()) {
    case Value::Type::Null: return u"<nil>"_s;
    case Value::Type::String: return v.toString();
    case Value::Type::Bool: return v.toBool() ? u"true"_s : u"false"_s;
    case Value::Type::Integer: return QString::number(v.toInteger());
    case Value::Type::Float: return goFloat(v.toFloat());
    case Value::Type::DateTime: return goTime(v.toDateTime());
    case Value::Type::List: {
        QStringList parts;
        for (const Value &item : v.toList())
            parts.append(goPrint(item));
        return u'[' + parts.join(u' ') + u']';
    }
    case Value::Type::Map: {
        // Hugo stores params as maps.Params: lower-case keys, printed sorted.
        QList<std::pair<QString, QString>> entries;
        for (const auto &[k, item] : v.toMap())
            entries.append({k.toLower(), goPrint(item)});
        std::sort(entries.begin(), entries.end());
        QStringList parts;
        for (const auto &[k, text] : entries)
            parts.append(k + u':' + text);
        return u"map["_s + parts.join(u' ') + u']';
    }
    }
    return {};
}

// Page.Param: the key as a whole first, then as a dotted path through nested maps
// (resource.Param → maps.GetNestedParam), case-insensitive like Hugo's params.
Value pageParam(const Value &frontMatter, const QString &key)
{
    if (Value v = frontMatter.hugoValue(key); !v.isNull())
        return v;
    const QStringList parts = key.split(u'.');
    if (parts.size() < 2)
        return {};
    Value current = frontMatter;
    for (const QString &part : parts) {
        current = current.hugoValue(part);
        if (current.isNull())
            return {};
    }
    return current;
}

// helpers.StripHTML (plainify): line breaks become spaces, </p> and <br> newlines, tags go,
// runs of whitespace keep their first character. Entities stay as written.
QString plainify(QString s)
{
    if (!s.contains(u'<') && !s.contains(u'>'))
        return s;
    s.replace(u'\n', u' ').replace(u"</p>"_s, u"\n"_s).replace(u"<br>"_s, u"\n"_s).replace(u"<br />"_s, u"\n"_s);
    QString out;
    bool inTag = false, isSpace = false, wasSpace = false;
    for (const QChar c : std::as_const(s)) {
        if (!inTag)
            isSpace = false;
        if (c == u'<') {
            inTag = true;
        } else if (c == u'>') {
            inTag = false;
        } else {
            if (c.isSpace())
                isSpace = true;
            if (!inTag && (!isSpace || !wasSpace))
                out += c;
        }
        wasSpace = isSpace;
    }
    return out;
}

// ---- the templates -------------------------------------------------------------------------

const QString kEmbedDivStyle = u"position: relative; padding-bottom: 56.25%; height: 0; overflow: hidden;"_s;
const QString kEmbedIframeStyle = u"position: absolute; top: 0; left: 0; width: 100%; height: 100%; border:0;"_s;

QString youtube0111(const Call &c, const BuiltinEnv &env)
{
    const QString host = env.options.site.youtubePrivacyEnhanced() ? u"www.youtube-nocookie.com"_s : u"www.youtube.com"_s;
    // .Get "id" | default (.Get 0); .Get "class" | default (.Get 1)
    const QString id = truthy(c.get(u"id")) ? display(c.get(u"id")) : display(c.get(0));
    const QString cls = truthy(c.get(u"class")) ? display(c.get(u"class")) : display(c.get(1));
    const QString title = orDefault(c.get(u"title"), u"YouTube Video"_s);
    // {{ with .Get "autoplay" }}{{ if eq . "true" }}: only the string "true", not a bare true.
    const Argument *autoplay = c.get(u"autoplay");
    const bool play = autoplay && autoplay->quoted && autoplay->value == u"true";
    QString out = u"\n<div "_s
                  + (cls.isEmpty() ? u"style=\""_s + kEmbedDivStyle + u'"' : u"class=\""_s + htmlEscape(cls) + u'"')
                  + u">\n  <iframe src=\"https://"_s + urlPart(host) + u"/embed/"_s + urlPart(id)
                  + (play ? u"?autoplay=1"_s : QString()) + u"\" "_s;
    if (cls.isEmpty())
        out += u"style=\""_s + kEmbedIframeStyle + u"\" "_s;
    return out + u"allowfullscreen title=\""_s + htmlEscape(title) + u"\"></iframe>\n</div>\n"_s;
}

QString youtubeCurrent(const Call &c, const BuiltinEnv &env)
{
    const Argument *idArgument = truthy(c.get(u"id")) ? c.get(u"id") : c.get(0);
    const QString id = display(idArgument);
    if (!truthy(idArgument)) {
        env.reporter.report(Diagnostic::Severity::Error, Shortcodes::tr("The “youtube” shortcode needs a video id."), c.line, c.column);
        return {};
    }
    const bool fullScreen = !isIn(c.get(u"allowFullScreen"), false) || isIn(c.get(u"allowFullScreen"), true);
    const int autoplay = isIn(c.get(u"autoplay"), true) ? 1 : 0;
    const int controls = isIn(c.get(u"controls"), true) || !isIn(c.get(u"controls"), false) ? 1 : 0;
    const int loop = isIn(c.get(u"loop"), true) ? 1 : 0;
    const int mute = isIn(c.get(u"mute"), true) || autoplay ? 1 : 0;
    const QString cls = orDefault(c.get(u"class"), {});
    const QString loading = orDefault(c.get(u"loading"), u"eager"_s);
    const QString title = orDefault(c.get(u"title"), u"YouTube video"_s);
    QString allow = u"accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share"_s;
    if (fullScreen)
        allow += u"; fullscreen"_s;
    const QString host = env.options.site.youtubePrivacyEnhanced() ? u"www.youtube-nocookie.com"_s : u"www.youtube.com"_s;
    // querify sorts by key.
    QList<std::pair<QString, QString>> params = {
        {u"autoplay"_s, QString::number(autoplay)}, {u"controls"_s, QString::number(controls)},
        {u"end"_s, orDefault(c.get(u"end"), u"0"_s)},  {u"loop"_s, QString::number(loop)},
        {u"mute"_s, QString::number(mute)},             {u"start"_s, orDefault(c.get(u"start"), u"0"_s)}};
    if (loop)
        params.insert(5, {u"playlist"_s, id});
    QStringList query;
    for (const auto &[k, v] : params)
        query.append(k + u'=' + queryEscape(v));
    const QString src = u"https://"_s + host + u"/embed/"_s + id + u'?' + query.join(u'&');
    QString out = u"<div"_s;
    if (!cls.isEmpty())
        out += u" class=\""_s + htmlEscape(cls) + u'"';
    else
        out += u" style=\""_s + kEmbedDivStyle + u'"';
    out += u">\n      <iframe allow=\""_s + htmlEscape(allow) + u"\" loading=\""_s + htmlEscape(loading)
           + u"\" referrerpolicy=\"strict-origin-when-cross-origin\" src=\""_s + urlAttr(src) + u'"';
    if (cls.isEmpty())
        out += u" style=\""_s + kEmbedIframeStyle + u'"';
    return out + u" title=\""_s + htmlEscape(title) + u"\"></iframe>\n    </div>\n"_s;
}

QString vimeo0111(const Call &c)
{
    const QString tail = u" webkitallowfullscreen mozallowfullscreen allowfullscreen></iframe>\n</div>"_s;
    if (c.isNamed()) {
        const bool cls = truthy(c.get(u"class"));
        QString out = u"<div "_s
                      + (cls ? u"class=\""_s + htmlEscape(display(c.get(u"class"))) + u'"' : u"style=\""_s + kEmbedDivStyle + u'"')
                      + u">\n  <iframe src=\"https://player.vimeo.com/video/"_s + urlPart(display(c.get(u"id"))) + u"\" "_s;
        if (!cls)
            out += u"style=\""_s + kEmbedIframeStyle + u"\" "_s;
        out += truthy(c.get(u"title")) ? u"title=\""_s + htmlEscape(display(c.get(u"title"))) + u'"' : u"title=\"vimeo video\""_s;
        return out + tail;
    }
    const qsizetype n = c.positionalCount();
    QString out = u"\n<div "_s
                  + (n == 2 ? u"class=\""_s + htmlEscape(display(c.get(1))) + u'"' : u"style=\""_s + kEmbedDivStyle + u'"')
                  + u">\n  <iframe src=\"https://player.vimeo.com/video/"_s + urlPart(display(c.get(0))) + u"\" "_s;
    if (n == 1)
        out += u"style=\""_s + kEmbedIframeStyle + u"\" "_s;
    out += n == 3 ? u"title=\""_s + htmlEscape(display(c.get(2))) + u'"' : u"title=\"vimeo video\""_s;
    return out + tail + u'\n';
}

QString vimeoCurrent(const Call &c, const BuiltinEnv &env)
{
    const Argument *id = truthy(c.get(u"id")) ? c.get(u"id") : c.get(0);
    if (!truthy(id)) {
        env.reporter.report(Diagnostic::Severity::Error,
                            Shortcodes::tr("The “vimeo” shortcode needs a video id, as its first argument or as id=…."), c.line, c.column);
        return {};
    }
    const bool fullScreen = !isIn(c.get(u"allowFullScreen"), false) || isIn(c.get(u"allowFullScreen"), true);
    const QString cls = orDefault(c.get(u"class"), {});
    QString out = u"\n      <div"_s
                  + (cls.isEmpty() ? u"\n          style=\""_s + kEmbedDivStyle + u'"' : u"\n          class=\""_s + htmlEscape(cls) + u'"')
                  + u">\n        <iframe\n          src=\""_s + urlAttr(QString(u"https://player.vimeo.com/video/"_s + display(id) + u"?dnt=0"_s)) + u'"';
    if (cls.isEmpty())
        out += u"\n            style=\""_s + kEmbedIframeStyle + u'"';
    if (fullScreen)
        out += u" allow=\"fullscreen\""_s;
    if (truthy(c.get(u"loading")))
        out += u" loading=\""_s + htmlEscape(display(c.get(u"loading"))) + u'"';
    if (truthy(c.get(u"title")))
        out += u" title=\""_s + htmlEscape(display(c.get(u"title"))) + u'"';
    return out + u">\n        </iframe>\n      </div>\n"_s;
}

QString figure(const Call &c, const BuiltinEnv &env)
{
    const bool current = env.options.hugoVersion == HugoVersion::Current;
    const bool link = truthy(c.get(u"link"));
    QString out = u"<figure"_s;
    if (truthy(c.get(u"class")))
        out += u" class=\""_s + htmlEscape(display(c.get(u"class"))) + u'"';
    out += u'>';
    if (link) {
        out += u"<a href=\""_s + urlAttr(display(c.get(u"link"))) + u'"';
        if (truthy(c.get(u"target")))
            out += u" target=\""_s + htmlEscape(display(c.get(u"target"))) + u'"';
        if (truthy(c.get(u"rel")))
            out += u" rel=\""_s + htmlEscape(display(c.get(u"rel"))) + u'"';
        out += u'>';
    }
    // Current Hugo also swaps a relative src for a page or global resource's RelPermalink;
    // the preview serves files at the post's permalink path, so the path as written resolves.
    const QString src = display(c.get(u"src"));
    out += u"<img src=\""_s + urlAttr(current ? goUrlString(src) : src) + u'"';
    // Rendered once: the caption is both the alt text's fallback and the <figcaption>.
    const QString captionHtml = truthy(c.get(u"caption")) ? env.markdownify(display(c.get(u"caption")), true) : QString();
    if (truthy(c.get(u"alt")) || truthy(c.get(u"caption"))) {
        const QString alt = truthy(c.get(u"alt")) ? display(c.get(u"alt")) : plainify(captionHtml);
        out += (current ? u"\n    alt=\""_s : u"\n         alt=\""_s) + htmlEscape(alt) + u'"';
    }
    QStringList attributes = {u"width"_s, u"height"_s};
    if (current)
        attributes.append(u"loading"_s); // added in Hugo 0.112
    for (const QString &name : attributes) {
        if (truthy(c.get(name)))
            out += u' ' + name + u"=\""_s + htmlEscape(display(c.get(name))) + u'"';
    }
    out += current ? u">"_s : u"/>"_s; // the template's "<!-- Closing img tag -->" is stripped
    if (link)
        out += u"</a>"_s;
    const bool caption = truthy(c.get(u"caption")), attr = truthy(c.get(u"attr"));
    if (truthy(c.get(u"title")) || caption || attr) {
        out += current ? u"<figcaption>\n      "_s : u"<figcaption>\n            "_s;
        if (truthy(c.get(u"title")))
            out += u"<h4>"_s + htmlEscape(display(c.get(u"title"))) + u"</h4>"_s;
        if (caption || attr) {
            out += u"<p>"_s + captionHtml;
            if (truthy(c.get(u"attrlink")))
                out += (current ? u"\n          <a href=\""_s : u"\n                    <a href=\""_s)
                       + urlAttr(display(c.get(u"attrlink"))) + u"\">"_s;
            out += env.markdownify(display(c.get(u"attr")), true);
            if (truthy(c.get(u"attrlink")))
                out += u"</a>"_s;
            out += u"</p>"_s;
        }
        out += current ? u"\n    </figcaption>"_s : u"\n        </figcaption>"_s;
    }
    return out + u"\n</figure>\n"_s;
}

QString gist(const Call &c, const BuiltinEnv &env)
{
    // {{ index .Params 0 }} / {{ index .Params 1 }}: named arguments or a missing one make
    // the template fail.
    if (c.positionalCount() < 2) {
        env.reporter.report(Diagnostic::Severity::Error,
                            Shortcodes::tr("The “gist” shortcode needs the user and the gist id: {{< gist user id >}}."), c.line, c.column);
        return {};
    }
    const bool current = env.options.hugoVersion == HugoVersion::Current;
    if (current)
        env.reporter.report(Diagnostic::Severity::Warning,
                            Shortcodes::tr("Hugo deprecated the “gist” shortcode in v0.143.0 and will remove it."), c.line, c.column);
    QString out = current ? u"<script src=\"https://gist.github.com/"_s
                          : u"<script type=\"application/javascript\" src=\"https://gist.github.com/"_s;
    out += urlPart(display(c.get(0))) + u'/' + urlPart(display(c.get(1))) + u".js"_s;
    if (c.positionalCount() == 3)
        out += u"?file="_s + htmlEscape(processUrl(display(c.get(2)), false));
    return out + u"\"></script>\n"_s;
}

QString highlight(const Call &c, const QString &inner)
{
    // trim .InnerDeindent "\n\r", then Chroma. The preview emits the plain <pre><code> form
    // that compare-html.py --ignore-highlight equates with Chroma's markup.
    QString code = inner;
    if (!c.indentation.isEmpty()) {
        QStringList lines = code.split(u'\n');
        for (QString &line : lines) {
            if (line.startsWith(c.indentation))
                line.remove(0, c.indentation.size());
        }
        code = lines.join(u'\n');
    }
    qsizetype from = 0, to = code.size();
    while (from < to && (code[from] == u'\n' || code[from] == u'\r'))
        ++from;
    while (to > from && (code[to - 1] == u'\n' || code[to - 1] == u'\r'))
        --to;
    code = code.sliced(from, to - from);
    QString escaped = code.toHtmlEscaped().replace(u"&quot;"_s, u"&#34;"_s).replace(u'\'', u"&#39;"_s);
    const QString lang = display(c.get(0));
    if (lang.isEmpty())
        return u"<pre><code>"_s + escaped + u"</code></pre>"_s;
    const QString l = htmlEscape(lang);
    return u"<pre><code class=\"language-"_s + l + u"\" data-lang=\""_s + l + u"\">"_s + escaped + u"</code></pre>"_s;
}

QString param(const Call &c, const BuiltinEnv &env)
{
    const QString key = display(c.get(0));
    if (!truthy(c.get(0))) {
        env.reporter.report(Diagnostic::Severity::Error, Shortcodes::tr("The “param” shortcode needs a key: {{< param key >}}."),
                            c.line, c.column);
        return {};
    }
    Value v = pageParam(env.options.frontMatter, key);
    // Since Hugo 0.123 a front matter "params" map holds page params too.
    if (v.isNull() && env.options.hugoVersion == HugoVersion::Current)
        v = pageParam(env.options.frontMatter.hugoValue(u"params"), key);
    if (v.isNull())
        v = env.options.site.param(key);
    if (!goTruthy(v)) {
        env.reporter.report(Diagnostic::Severity::Error,
                            Shortcodes::tr("Param “%1” not found in the front matter or the site params.").arg(key), c.line, c.column);
        return {};
    }
    return htmlEscape(goPrint(v));
}

QString configString(const Site &site, QStringView key)
{
    return site.config().hugoValue(key).toDisplayString();
}

// ref and relref return template.HTML, printed as is; only what could end the attribute the
// link usually lands in is percent-encoded.
QString rawLink(QString link)
{
    return link.replace(u'"', u"%22"_s).replace(u'<', u"%3C"_s).replace(u'>', u"%3E"_s);
}

QString ref(const Call &c, const BuiltinEnv &env, bool relative)
{
    const Site &site = env.options.site;
    const QString target = c.isNamed() ? display(c.get(u"path")) : display(c.get(0));
    if (target.isEmpty()) {
        env.reporter.report(Diagnostic::Severity::Error, Shortcodes::tr("The “%1” shortcode needs a page path.").arg(c.name), c.line,
                            c.column);
        return {};
    }
    const qsizetype hash = target.indexOf(u'#');
    const QString path = hash < 0 ? target : target.first(hash);
    const QString fragment = hash < 0 ? QString() : target.sliced(hash);
    if (path.isEmpty())
        return rawLink(fragment); // a link to an anchor on this page
    if (const auto file = site.findContent(path, env.options.postPath)) {
        QString link = site.permalinkPath(*file, Value());
        const QUrl base(site.baseUrl());
        QString basePath = base.path();
        while (basePath.endsWith(u'/'))
            basePath.chop(1);
        link = basePath + link;
        if (!relative && base.isValid() && !base.host().isEmpty())
            link = base.toString(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash) + link;
        return rawLink(link + fragment);
    }
    // Hugo logs REF_NOT_FOUND (an error unless refLinksErrorLevel is WARNING) and prints
    // refLinksNotFoundURL.
    const bool warning = configString(site, u"refLinksErrorLevel").compare(u"warning", Qt::CaseInsensitive) == 0
                         || !site.isHugoSite();
    env.reporter.report(warning ? Diagnostic::Severity::Warning : Diagnostic::Severity::Error,
                        Shortcodes::tr("REF_NOT_FOUND: Ref “%1”: page not found.").arg(target), c.line, c.column);
    const QString notFound = site.refLinksNotFoundUrl();
    return notFound.isEmpty() ? u"#ZgotmplZ"_s : rawLink(notFound);
}

// Hugo fetches tweets (publish.twitter.com / publish.x.com oEmbed), Vimeo thumbnails and
// (in 0.111) Instagram posts over the network at build time; we never do. What Hugo prints
// there depends on that service, so the output is a stub in the corpus' stub markup (see
// Expander::box) holding a link to the post; the preview turns it into a card.
QString networkCard(const QString &cssClass, const QString &embed, const QString &url, const QString &text)
{
    return u"<span class=\""_s + cssClass + u" fm-embed hugoref-stub\" data-shortcode=\""_s + embed
           + u"\" data-fm-embed=\""_s + embed + u"\"><a href=\""_s + urlAttr(url) + u"\">"_s + htmlEscape(text)
           + u"</a></span>\n"_s;
}

QString post(const Call &c, const BuiltinEnv &env)
{
    const bool x = c.name.startsWith(u'x');
    if (!x && env.options.hugoVersion == HugoVersion::Current)
        env.reporter.report(Diagnostic::Severity::Warning,
                            Shortcodes::tr("Hugo deprecated the “%1” shortcode in v0.142.0 and will remove it; use “x”.").arg(c.name),
                            c.line, c.column);
    QString user = display(c.get(u"user")), id = display(c.get(u"id"));
    if (!c.isNamed()) { // 0.111 still read {{< tweet ID >}} and {{< tweet user ID >}}
        id = display(c.get(c.positionalCount() - 1));
        user = c.positionalCount() > 1 ? display(c.get(0)) : u"i"_s;
    }
    if (user.isEmpty() || id.isEmpty()) {
        env.reporter.report(Diagnostic::Severity::Error,
                            Shortcodes::tr("The “%1” shortcode needs two named arguments: user and id.").arg(c.name), c.line, c.column);
        return {};
    }
    const QString url = (x ? u"https://x.com/"_s : u"https://twitter.com/"_s) + user + u"/status/"_s + id;
    return networkCard(u"twitter-tweet"_s, c.name, url, u"@%1 on %2: post %3"_s.arg(user, x ? u"X"_s : u"Twitter"_s, id));
}

QString instagramCurrent(const QString &id);

QString instagram(const Call &c, const BuiltinEnv &env)
{
    const QString id = display(c.get(0));
    if (!truthy(c.get(0))) {
        env.reporter.report(Diagnostic::Severity::Error,
                            Shortcodes::tr("The “%1” shortcode needs the post id as its first argument.").arg(c.name), c.line, c.column);
        return {};
    }
    // Current Hugo renders Instagram's own placeholder card without the network.
    if (c.name == u"instagram" && env.options.hugoVersion == HugoVersion::Current)
        return instagramCurrent(id);
    return networkCard(u"instagram-media"_s, c.name, u"https://www.instagram.com/p/"_s + id + u'/',
                       u"View this post on Instagram"_s);
}

QString vimeoSimple(const Call &c, const BuiltinEnv &env)
{
    const Argument *id = truthy(c.get(u"id")) ? c.get(u"id") : c.get(0);
    if (!truthy(id)) {
        env.reporter.report(Diagnostic::Severity::Error, Shortcodes::tr("The “vimeo_simple” shortcode needs a video id."), c.line, c.column);
        return {};
    }
    return networkCard(u"fm-embed-card"_s, c.name, u"https://vimeo.com/"_s + display(id), u"Vimeo video "_s + display(id));
}

QString details(const Call &c, const QString &inner, const BuiltinEnv &env)
{
    QString out = u"\n<details"_s;
    for (const QString &name : {u"class"_s, u"name"_s}) {
        if (truthy(c.get(name)))
            out += u' ' + name + u"=\""_s + htmlEscape(display(c.get(name))) + u'"';
    }
    if (isIn(c.get(u"open"), true))
        out += u" open"_s;
    if (truthy(c.get(u"title")))
        out += u" title=\""_s + htmlEscape(display(c.get(u"title"))) + u'"';
    return out + u">\n\t<summary>"_s + env.markdownify(orDefault(c.get(u"summary"), u"Details"_s), true)
           + u"</summary>\n\t"_s + env.markdownify(inner, false) + u"</details>\n"_s;
}

} // namespace

QString renderBuiltin(const Call &c, const QString &inner, const BuiltinEnv &env)
{
    const bool current = env.options.hugoVersion == HugoVersion::Current;
    const QString &n = c.name;
    if (n == u"youtube")
        return current ? youtubeCurrent(c, env) : youtube0111(c, env);
    if (n == u"vimeo")
        return current ? vimeoCurrent(c, env) : vimeo0111(c);
    if (n == u"figure")
        return figure(c, env);
    if (n == u"gist")
        return gist(c, env);
    if (n == u"highlight")
        return highlight(c, inner);
    if (n == u"param")
        return param(c, env);
    if (n == u"ref" || n == u"relref")
        return ref(c, env, n == u"relref");
    if (n == u"tweet" || n == u"twitter" || n == u"twitter_simple" || n == u"x" || n == u"x_simple")
        return post(c, env);
    if (n == u"instagram" || n == u"instagram_simple")
        return instagram(c, env);
    if (n == u"vimeo_simple")
        return vimeoSimple(c, env);
    if (n == u"details")
        return details(c, inner, env);
    if (n == u"comment") {
        env.reporter.report(Diagnostic::Severity::Warning,
                            Shortcodes::tr("Hugo deprecated the “comment” shortcode in v0.143.0; use an HTML comment."), c.line, c.column);
        return {};
    }
    return {};
}

namespace {

// Current Hugo prints Instagram's embed card (a blockquote with the post's permalink, which
// Instagram's embed.js turns into the player) without using the network. We write the same
// element and attributes — class instagram-media, data-instgrm-captioned, -permalink and
// -version 14 — and the embed script, with our own fallback content: a link to the post.
QString instagramCurrent(const QString &id)
{
    const QString url = u"https://www.instagram.com/p/"_s + id;
    return u"<blockquote class=\"instagram-media\" data-instgrm-captioned data-instgrm-permalink=\""_s + urlAttr(url)
           + u"\" data-instgrm-version=\"14\"><a href=\""_s + urlAttr(url)
           + u"\">View this post on Instagram</a></blockquote><script async src=\"https://www.instagram.com/embed.js\"></script>"_s;
}

} // namespace

} // namespace frontmark::shortcodes
