#include "builtinshortcodes.h"

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
                                            u"Too many shortcode problems; fix the ones above first."_s, m_file, 0, 0});
        }
        return;
    }
    m_diagnostics.append(Diagnostic{severity, message, m_file, line, column});
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

Value valueIgnoringCase(const Value &map, QStringView key)
{
    if (!map.isMap())
        return {};
    for (const auto &[k, v] : map.toMap()) {
        if (k.compare(key, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

// Page.Param: the key as a whole first, then as a dotted path through nested maps
// (resource.Param → maps.GetNestedParam), case-insensitive like Hugo's params.
Value pageParam(const Value &frontMatter, const QString &key)
{
    if (Value v = valueIgnoringCase(frontMatter, key); !v.isNull())
        return v;
    const QStringList parts = key.split(u'.');
    if (parts.size() < 2)
        return {};
    Value current = frontMatter;
    for (const QString &part : parts) {
        current = valueIgnoringCase(current, part);
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
        env.reporter.report(Diagnostic::Severity::Error, u"The “youtube” shortcode needs a video id."_s, c.line, c.column);
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
                            u"The “vimeo” shortcode needs a video id, as its first argument or as id=…."_s, c.line, c.column);
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
    const QString captionMarkdown = display(c.get(u"caption"));
    if (truthy(c.get(u"alt")) || truthy(c.get(u"caption"))) {
        const QString alt = truthy(c.get(u"alt")) ? display(c.get(u"alt")) : plainify(env.markdownify(captionMarkdown, true));
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
            out += u"<p>"_s + env.markdownify(captionMarkdown, true);
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
                            u"The “gist” shortcode needs the user and the gist id: {{< gist user id >}}."_s, c.line, c.column);
        return {};
    }
    const bool current = env.options.hugoVersion == HugoVersion::Current;
    if (current)
        env.reporter.report(Diagnostic::Severity::Warning,
                            u"Hugo deprecated the “gist” shortcode in v0.143.0 and will remove it."_s, c.line, c.column);
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
        env.reporter.report(Diagnostic::Severity::Error, u"The “param” shortcode needs a key: {{< param key >}}."_s,
                            c.line, c.column);
        return {};
    }
    Value v = pageParam(env.options.frontMatter, key);
    // Since Hugo 0.123 a front matter "params" map holds page params too.
    if (v.isNull() && env.options.hugoVersion == HugoVersion::Current)
        v = pageParam(valueIgnoringCase(env.options.frontMatter, u"params"), key);
    if (v.isNull())
        v = env.options.site.param(key);
    if (!goTruthy(v)) {
        env.reporter.report(Diagnostic::Severity::Error,
                            u"Param “%1” not found in the front matter or the site params."_s.arg(key), c.line, c.column);
        return {};
    }
    return htmlEscape(goPrint(v));
}

QString configString(const Site &site, QStringView key)
{
    return valueIgnoringCase(site.config(), key).toDisplayString();
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
        env.reporter.report(Diagnostic::Severity::Error, u"The “%1” shortcode needs a page path."_s.arg(c.name), c.line,
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
        const QUrl base(configString(site, u"baseURL"));
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
                        u"REF_NOT_FOUND: Ref “%1”: page not found."_s.arg(target), c.line, c.column);
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
                            u"Hugo deprecated the “%1” shortcode in v0.142.0 and will remove it; use “x”."_s.arg(c.name),
                            c.line, c.column);
    QString user = display(c.get(u"user")), id = display(c.get(u"id"));
    if (!c.isNamed()) { // 0.111 still read {{< tweet ID >}} and {{< tweet user ID >}}
        id = display(c.get(c.positionalCount() - 1));
        user = c.positionalCount() > 1 ? display(c.get(0)) : u"i"_s;
    }
    if (user.isEmpty() || id.isEmpty()) {
        env.reporter.report(Diagnostic::Severity::Error,
                            u"The “%1” shortcode needs two named arguments: user and id."_s.arg(c.name), c.line, c.column);
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
                            u"The “%1” shortcode needs the post id as its first argument."_s.arg(c.name), c.line, c.column);
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
        env.reporter.report(Diagnostic::Severity::Error, u"The “vimeo_simple” shortcode needs a video id."_s, c.line, c.column);
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
                            u"Hugo deprecated the “comment” shortcode in v0.143.0; use an HTML comment."_s, c.line, c.column);
        return {};
    }
    return {};
}

namespace {

// tpl/tplimpl/embedded/templates/_shortcodes/instagram.html, define "render-instagram",
// from "<blockquote" to "</blockquote>" as the template writes it; {{ .id }} goes between
// the parts, then the embed script follows with no space ({{- -}} trimming).
QString unpack(const char *packed)
{
    QString out;
    for (const char *p = packed; *p; ++p) {
        if (*p == '|' && p[1]) {
            out += u'\n' + QString(p[1] - '0', u'\t');
            ++p;
        } else {
            out += QLatin1Char(*p);
        }
    }
    return out;
}

QString instagramCurrent(const QString &id)
{
    // The template text, packed: "|" and a digit n stand for a newline and n tabs.
    static const QString head = unpack(
        "<blockquote|2class=\"instagram-media\"|2data-instgrm-captioned|2data-instgrm-permalink=\"https://www.instagram.com/p/");
    static const QString middle = unpack(
        "\"|2data-instgrm-version=\"14\"|2style=\"|3background: #fff;|3border: 0;|3border-radius: 3px;"
        "|3box-shadow: 0 0 1px 0 rgba(0, 0, 0, 0.5), 0 1px 10px 0 rgba(0, 0, 0, 0.15);|3margin: 1px;|3max-width: 540px;"
        "|3min-width: 326px;|3padding: 0;|3width: 99.375%;|3width: -webkit-calc(100% - 2px);|3width: calc(100% - 2px);|2\"|1>"
        "|2<div style=\"padding: 16px\">|3<a|4href=\"https://www.instagram.com/p/");
    static const QString tail = unpack(
        "\"|4style=\"|5background: #ffffff;|5line-height: 0;|5padding: 0 0;|5text-align: center;|5text-decoration: none;"
        "|5width: 100%;|4\"|4target=\"_blank\"|3>|4<div style=\"display: flex; flex-direction: row; align-items: center\">|5<div"
        "|6style=\"|7background-color: #f4f4f4;|7border-radius: 50%;|7flex-grow: 0;|7height: 40px;|7margin-right: 14px;"
        "|7width: 40px;|6\"|5></div>|5<div|6style=\"|7display: flex;|7flex-direction: column;|7flex-grow: 1;"
        "|7justify-content: center;|6\"|5>|6<div|7style=\"|8background-color: #f4f4f4;|8border-radius: 4px;|8flex-grow: 0;"
        "|8height: 14px;|8margin-bottom: 6px;|8width: 100px;|7\"|6></div>|6<div|7style=\"|8background-color: #f4f4f4;"
        "|8border-radius: 4px;|8flex-grow: 0;|8height: 14px;|8width: 60px;|7\"|6></div>|5</div>|4</div>"
        "|4<div style=\"padding: 19% 0\"></div>|4<div|5style=\"display: block; height: 50px; margin: 0 auto 12px; width: 50px\"|4>"
        "|5<svg|6width=\"50px\"|6height=\"50px\"|6viewBox=\"0 0 60 60\"|6version=\"1.1\"|6xmlns=\"https://www.w3.org/2000/svg\""
        "|6xmlns:xlink=\"https://www.w3.org/1999/xlink\"|5>"
        "|6<g stroke=\"none\" stroke-width=\"1\" fill=\"none\" fill-rule=\"evenodd\">"
        "|7<g transform=\"translate(-511.000000, -20.000000)\" fill=\"#000000\">|8<g>|9<path"
        "|:d=\"M556.869,30.41 C554.814,30.41 553.148,32.076 553.148,34.131 C553.148,36.186 554.814,37.852 556.869,37.852"
        " C558.924,37.852 560.59,36.186 560.59,34.131 C560.59,32.076 558.924,30.41 556.869,30.41 M541,60.657 C535.114,60.657"
        " 530.342,55.887 530.342,50 C530.342,44.114 535.114,39.342 541,39.342 C546.887,39.342 551.658,44.114 551.658,50"
        " C551.658,55.887 546.887,60.657 541,60.657 M541,33.886 C532.1,33.886 524.886,41.1 524.886,50 C524.886,58.899 532.1,66.113"
        " 541,66.113 C549.9,66.113 557.115,58.899 557.115,50 C557.115,41.1 549.9,33.886 541,33.886 M565.378,62.101 C565.244,65.022"
        " 564.756,66.606 564.346,67.663 C563.803,69.06 563.154,70.057 562.106,71.106 C561.058,72.155 560.06,72.803 558.662,73.347"
        " C557.607,73.757 556.021,74.244 553.102,74.378 C549.944,74.521 548.997,74.552 541,74.552 C533.003,74.552 532.056,74.521"
        " 528.898,74.378 C525.979,74.244 524.393,73.757 523.338,73.347 C521.94,72.803 520.942,72.155 519.894,71.106"
        " C518.846,70.057 518.197,69.06 517.654,67.663 C517.244,66.606 516.755,65.022 516.623,62.101 C516.479,58.943"
        " 516.448,57.996 516.448,50 C516.448,42.003 516.479,41.056 516.623,37.899 C516.755,34.978 517.244,33.391 517.654,32.338"
        " C518.197,30.938 518.846,29.942 519.894,28.894 C520.942,27.846 521.94,27.196 523.338,26.654 C524.393,26.244"
        " 525.979,25.756 528.898,25.623 C532.057,25.479 533.004,25.448 541,25.448 C548.997,25.448 549.943,25.479 553.102,25.623"
        " C556.021,25.756 557.607,26.244 558.662,26.654 C560.06,27.196 561.058,27.846 562.106,28.894 C563.154,29.942"
        " 563.803,30.938 564.346,32.338 C564.756,33.391 565.244,34.978 565.378,37.899 C565.522,41.056 565.552,42.003 565.552,50"
        " C565.552,57.996 565.522,58.943 565.378,62.101 M570.82,37.631 C570.674,34.438 570.167,32.258 569.425,30.349"
        " C568.659,28.377 567.633,26.702 565.965,25.035 C564.297,23.368 562.623,22.342 560.652,21.575 C558.743,20.834"
        " 556.562,20.326 553.369,20.18 C550.169,20.033 549.148,20 541,20 C532.853,20 531.831,20.033 528.631,20.18 C525.438,20.326"
        " 523.257,20.834 521.349,21.575 C519.376,22.342 517.703,23.368 516.035,25.035 C514.368,26.702 513.342,28.377"
        " 512.574,30.349 C511.834,32.258 511.326,34.438 511.181,37.631 C511.035,40.831 511,41.851 511,50 C511,58.147 511.035,59.17"
        " 511.181,62.369 C511.326,65.562 511.834,67.743 512.574,69.651 C513.342,71.625 514.368,73.296 516.035,74.965"
        " C517.703,76.634 519.376,77.658 521.349,78.425 C523.257,79.167 525.438,79.673 528.631,79.82 C531.831,79.965"
        " 532.853,80.001 541,80.001 C549.148,80.001 550.169,79.965 553.369,79.82 C556.562,79.673 558.743,79.167 560.652,78.425"
        " C562.623,77.658 564.297,76.634 565.965,74.965 C567.633,73.296 568.659,71.625 569.425,69.651 C570.167,67.743"
        " 570.674,65.562 570.82,62.369 C570.966,59.17 571,58.147 571,50 C571,41.851 570.966,40.831 570.82,37.631\"|9></path>|8</g>"
        "|7</g>|6</g>|5</svg>|4</div>|4<div style=\"padding-top: 8px\">|5<div|6style=\"|7color: #3897f0;"
        "|7font-family: Arial, sans-serif;|7font-size: 14px;|7font-style: normal;|7font-weight: 550;|7line-height: 18px;|6\"|5>"
        "|6View this post on Instagram|5</div>|4</div>|4<div style=\"padding: 12.5% 0\"></div>|4<div|5style=\"|6display: flex;"
        "|6flex-direction: row;|6margin-bottom: 14px;|6align-items: center;|5\"|4>|5<div>|6<div|7style=\""
        "|8background-color: #f4f4f4;|8border-radius: 50%;|8height: 12.5px;|8width: 12.5px;"
        "|8transform: translateX(0px) translateY(7px);|7\"|6></div>|6<div|7style=\"|8background-color: #f4f4f4;|8height: 12.5px;"
        "|8transform: rotate(-45deg) translateX(3px) translateY(1px);|8width: 12.5px;|8flex-grow: 0;|8margin-right: 14px;"
        "|8margin-left: 2px;|7\"|6></div>|6<div|7style=\"|8background-color: #f4f4f4;|8border-radius: 50%;|8height: 12.5px;"
        "|8width: 12.5px;|8transform: translateX(9px) translateY(-18px);|7\"|6></div>|5</div>|5<div style=\"margin-left: 8px\">"
        "|6<div|7style=\"|8background-color: #f4f4f4;|8border-radius: 50%;|8flex-grow: 0;|8height: 20px;|8width: 20px;|7\""
        "|6></div>|6<div|7style=\"|8width: 0;|8height: 0;|8border-top: 2px solid transparent;|8border-left: 6px solid #f4f4f4;"
        "|8border-bottom: 2px solid transparent;|8transform: translateX(16px) translateY(-4px) rotate(30deg);|7\"|6></div>|5</div>"
        "|5<div style=\"margin-left: auto\">|6<div|7style=\"|8width: 0px;|8border-top: 8px solid #f4f4f4;"
        "|8border-right: 8px solid transparent;|8transform: translateY(16px);|7\"|6></div>|6<div|7style=\""
        "|8background-color: #f4f4f4;|8flex-grow: 0;|8height: 12px;|8width: 16px;|8transform: translateY(-4px);|7\"|6></div>|6<div"
        "|7style=\"|8width: 0;|8height: 0;|8border-top: 8px solid #f4f4f4;|8border-left: 8px solid transparent;"
        "|8transform: translateY(-4px) translateX(8px);|7\"|6></div>|5</div>|4</div>|4<div|5style=\"|6display: flex;"
        "|6flex-direction: column;|6flex-grow: 1;|6justify-content: center;|6margin-bottom: 24px;|5\"|4>|5<div|6style=\""
        "|7background-color: #f4f4f4;|7border-radius: 4px;|7flex-grow: 0;|7height: 14px;|7margin-bottom: 6px;|7width: 224px;|6\""
        "|5></div>|5<div|6style=\"|7background-color: #f4f4f4;|7border-radius: 4px;|7flex-grow: 0;|7height: 14px;|7width: 144px;"
        "|6\"|5></div></div|3></a>|2</div>|1</blockquote>");
    return head + htmlEscape(id) + middle + urlPart(id) + tail
           + u"<script async src=\"https://www.instagram.com/embed.js\"></script>"_s;
}

} // namespace

} // namespace frontmark::shortcodes
