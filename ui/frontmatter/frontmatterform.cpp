// SPDX-License-Identifier: GPL-3.0-or-later
#include "frontmatterform.h"

#include "rawplaintext.h"
#include "theme.h"

#include "tokenedit.h"

#include "text/textutil.h"
#include "document/valuetext.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QFocusEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSet>
#include <QStackedWidget>
#include <QStyle>
#include <QTableWidget>
#include <QTextBlock>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace frontmark {

namespace {

// The keys the form has fields for, as Hugo and the sample archetype spell them.
const QString kTitle = u"title"_s;
const QString kDate = u"date"_s;
const QString kDescription = u"description"_s;
const QString kTags = u"tags"_s;
const QString kCategories = u"categories"_s;
const QString kDraft = u"draft"_s;
const QString kSourceUrl = u"source_url"_s;
const QString kSourceName = u"source_name"_s;

constexpr int kErrorDelayMs = 300; // raw text: report a parse error once typing pauses
constexpr int kTableMaxRows = 8;
const char *const kErrorProperty = "frontmarkError";
constexpr int kLineRole = Qt::UserRole + 1; // "More fields" key items: the key's file line

// The date field's minimum, shown as "not set" for a post without a date.
QDateTime notSet()
{
    return QDateTime(QDate(1000, 1, 1), QTime(0, 0), Qt::UTC);
}

bool isWebUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && (url.scheme() == u"http"_s || url.scheme() == u"https"_s) && !url.host().isEmpty();
}

// Whether `v` can be shown and edited by the field for `canonical`; if not, the key is listed
// under "More fields" instead, so nothing is ever shown wrongly or rewritten into another type.
bool fitsField(QStringView canonical, const Value &v)
{
    if (v.isNull())
        return true;
    if (canonical == kTags || canonical == kCategories) {
        if (v.isString())
            return true;
        if (!v.isList())
            return false;
        const auto &items = v.toList();
        return std::all_of(items.begin(), items.end(), [](const Value &i) { return i.isScalar() && !i.isNull(); });
    }
    if (canonical == kDate)
        return v.type() == Value::Type::DateTime || (v.isString() && DateTimeValue::parse(v.toString()));
    if (canonical == kDraft)
        return v.isBool();
    return v.isScalar();
}

// Value::typeName() is the core's English phrase; the form names the type in the UI language.
QString typeLabel(Value::Type type)
{
    switch (type) {
    case Value::Type::Null: return FrontMatterForm::tr("empty");
    case Value::Type::String: return FrontMatterForm::tr("a string");
    case Value::Type::Bool: return FrontMatterForm::tr("a true/false value");
    case Value::Type::Integer: return FrontMatterForm::tr("an integer");
    case Value::Type::Float: return FrontMatterForm::tr("a number");
    case Value::Type::DateTime: return FrontMatterForm::tr("a date");
    case Value::Type::List: return FrontMatterForm::tr("a list");
    case Value::Type::Map: return FrontMatterForm::tr("a map");
    }
    return Value::typeName(type);
}

} // namespace

FrontMatterForm::FrontMatterForm(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(8, 2, 8, 0);
    m_formatLabel = new QLabel(this);
    m_formatLabel->setObjectName(u"formatLabel"_s);
    m_formatLabel->setForegroundRole(QPalette::PlaceholderText);
    bar->addWidget(m_formatLabel);
    bar->addStretch(1);
    m_rawToggle = new QToolButton(this);
    m_rawToggle->setObjectName(u"rawToggle"_s);
    m_rawToggle->setCheckable(true);
    bar->addWidget(m_rawToggle);
    layout->addLayout(bar);

    m_message = new QLabel(this);
    m_message->setObjectName(u"formMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setContentsMargins(8, 0, 8, 0);
    m_message->hide();
    layout->addWidget(m_message);

    m_stack = new QStackedWidget(this);
    m_fieldsPage = new QWidget(m_stack);
    buildFields(m_fieldsPage);
    m_raw = new QPlainTextEdit(m_stack);
    m_raw->setObjectName(u"rawEdit"_s);
    m_raw->setFont(theme::monospaceFont());
    m_stack->addWidget(m_fieldsPage);
    m_stack->addWidget(m_raw);
    layout->addWidget(m_stack, 1);

    m_errorTimer = new QTimer(this);
    m_errorTimer->setSingleShot(true);
    m_errorTimer->setInterval(kErrorDelayMs);

    setStyleSheet(u"[frontmarkError=\"true\"] { border: 1px solid #c5221f; }"
                  u" QLabel#formMessage { color: #b3261e; }"_s);

    connect(m_rawToggle, &QToolButton::toggled, this, &FrontMatterForm::onRawToggled);
    connect(m_raw, &QPlainTextEdit::textChanged, this, &FrontMatterForm::onRawEdited);
    connect(m_errorTimer, &QTimer::timeout, this, &FrontMatterForm::reportError);

    retranslateUi();
    setFrontMatter(FrontMatter());
}

void FrontMatterForm::changeEvent(QEvent *event)
{
    // Issue #7: the interface language changes without a restart.
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void FrontMatterForm::retranslateUi()
{
    // Setting a text must never read as an edit: the table reports tool tips as item changes.
    const bool wasFilling = m_filling;
    m_filling = true;
    const QSignalBlocker blockTable(m_otherKeys);
    const QSignalBlocker blockDate(m_dateEdit);

    m_rawToggle->setText(tr("Raw"));
    m_rawToggle->setToolTip(tr("Edit the front matter as text"));
    const auto setRowLabel = [this](QWidget *field, const QString &text) {
        if (auto *label = qobject_cast<QLabel *>(m_fields->labelForField(field)))
            label->setText(text);
    };
    setRowLabel(m_title, tr("Title"));
    if (auto *label = qobject_cast<QLabel *>(m_fields->labelForField(m_dateRow)))
        label->setText(tr("Date"));
    setRowLabel(m_description, tr("Description"));
    setRowLabel(m_tags, tr("Tags"));
    setRowLabel(m_categories, tr("Categories"));
    setRowLabel(m_draft, tr("Draft"));
    setRowLabel(m_sourceUrl, tr("Source URL"));
    setRowLabel(m_sourceName, tr("Source name"));
    setRowLabel(m_otherKeys, tr("More fields"));

    m_dateEdit->setSpecialValueText(tr("not set"));
    m_draft->setText(tr("Not published yet"));
    m_otherKeys->setHorizontalHeaderLabels({tr("Key"), tr("Value")});

    showFormat();
    if (m_date)
        showDateOffset();
    const QList<QWidget *> fields{m_title, m_dateEdit, m_description, m_tags, m_categories,
                                  m_draft, m_sourceUrl, m_sourceName};
    for (QWidget *field : fields)
        showToolTip(field);
    for (int row = 0; row < m_otherKeys->rowCount(); ++row)
        showRowToolTips(row, true);
    fitTableHeight();
    showMessage();
    m_filling = wasFilling;
}

void FrontMatterForm::buildFields(QWidget *page)
{
    m_fields = new QFormLayout(page);
    m_fields->setContentsMargins(8, 4, 8, 4);
    m_fields->setVerticalSpacing(4);
    m_fields->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_fields->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    // The row labels are named in retranslateUi(); QFormLayout::addRow(QString, …) would make
    // no label for an empty name.
    const auto addRow = [this, page](QWidget *field) {
        auto *label = new QLabel(page);
        label->setBuddy(field);
        m_fields->addRow(label, field);
    };

    m_title = new QLineEdit(page);
    m_title->setObjectName(u"titleEdit"_s);
    addRow(m_title);

    m_dateEdit = new QDateTimeEdit(page);
    m_dateEdit->setObjectName(u"dateEdit"_s);
    // UTC as a plain wall clock: the field shows the date as written, in the post's own offset,
    // never converted to this machine's zone (and never hit by its DST gaps).
    m_dateEdit->setTimeSpec(Qt::UTC);
    m_dateEdit->setCalendarPopup(true);
    m_dateEdit->setDisplayFormat(u"yyyy-MM-dd HH:mm:ss"_s);
    m_dateEdit->setMinimumDateTime(notSet());
    m_dateEdit->installEventFilter(this);
    m_dateOffset = new QLabel(page);
    m_dateOffset->setObjectName(u"dateOffsetLabel"_s);
    m_dateRow = new QHBoxLayout;
    m_dateRow->addWidget(m_dateEdit);
    m_dateRow->addWidget(m_dateOffset);
    m_dateRow->addStretch(1);
    auto *dateLabel = new QLabel(page);
    dateLabel->setBuddy(m_dateEdit);
    m_fields->addRow(dateLabel, m_dateRow);

    m_description = new QPlainTextEdit(page);
    m_description->setObjectName(u"descriptionEdit"_s);
    m_description->setTabChangesFocus(true);
    const int margins = 2 * (m_description->frameWidth() + static_cast<int>(m_description->document()->documentMargin()));
    m_description->setFixedHeight(3 * m_description->fontMetrics().lineSpacing() + margins);
    addRow(m_description);

    m_tags = new TokenEdit(page);
    m_tags->setObjectName(u"tagsEdit"_s);
    addRow(m_tags);
    m_categories = new TokenEdit(page);
    m_categories->setObjectName(u"categoriesEdit"_s);
    addRow(m_categories);

    m_draft = new QCheckBox(page);
    m_draft->setObjectName(u"draftCheck"_s);
    addRow(m_draft);

    m_sourceUrl = new QLineEdit(page);
    m_sourceUrl->setObjectName(u"sourceUrlEdit"_s);
    m_sourceUrl->setPlaceholderText(u"https://…"_s);
    addRow(m_sourceUrl);
    m_sourceName = new QLineEdit(page);
    m_sourceName->setObjectName(u"sourceNameEdit"_s);
    addRow(m_sourceName);

    m_otherKeys = new QTableWidget(0, 2, page);
    m_otherKeys->setObjectName(u"otherKeysTable"_s);
    m_otherKeys->verticalHeader()->hide();
    m_otherKeys->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_otherKeys->horizontalHeader()->setStretchLastSection(true);
    m_otherKeys->setSelectionMode(QAbstractItemView::SingleSelection);
    m_otherKeys->setWordWrap(false);
    addRow(m_otherKeys);

    connect(m_title, &QLineEdit::textEdited, this,
            [this](const QString &t) { onTextFieldEdited(kTitle, m_title, t); });
    connect(m_dateEdit, &QDateTimeEdit::dateTimeChanged, this, &FrontMatterForm::onDateEdited);
    connect(m_description, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_filling)
            onTextFieldEdited(kDescription, m_description, rawPlainText(m_description->document()));
    });
    connect(m_tags, &TokenEdit::tokensEdited, this,
            [this](const QStringList &t) { onTermsEdited(kTags, m_tags, t); });
    connect(m_categories, &TokenEdit::tokensEdited, this,
            [this](const QStringList &t) { onTermsEdited(kCategories, m_categories, t); });
    connect(m_draft, &QCheckBox::toggled, this, &FrontMatterForm::onDraftToggled);
    connect(m_sourceUrl, &QLineEdit::textEdited, this, &FrontMatterForm::onSourceUrlEdited);
    connect(m_sourceName, &QLineEdit::textEdited, this,
            [this](const QString &t) { onTextFieldEdited(kSourceName, m_sourceName, t); });
    connect(m_otherKeys, &QTableWidget::itemChanged, this, &FrontMatterForm::onTableItemChanged);
}

void FrontMatterForm::setFrontMatter(const FrontMatter &fm)
{
    const bool sameBlock = fm.format() != FrontMatterFormat::None && fm.format() == m_fm.format()
                           && fm.bytes() == m_fm.bytes() && m_fieldErrors.isEmpty();
    m_fm = fm;
    // The block the form already shows (the window hands it back after a save): refilling would
    // move the writer's cursor and drop the raw editor's undo history.
    if (sameBlock)
        return;
    m_errorTimer->stop();
    m_reportedError = fm.error();
    showFormat();
    m_rawToggle->setEnabled(fm.format() != FrontMatterFormat::None);
    fillFields();
    fillRaw();

    m_filling = true;
    if (!fm.isValid()) {
        m_rawToggle->setChecked(true);
        m_stack->setCurrentWidget(m_raw);
        m_autoRaw = true;
        placeRawCursor(fm.error()->line, fm.error()->column);
    } else if (isRawMode() && (m_autoRaw || fm.format() == FrontMatterFormat::None)) {
        m_rawToggle->setChecked(false);
        m_stack->setCurrentWidget(m_fieldsPage);
        m_autoRaw = false;
    }
    m_filling = false;
    updateMessage();
}

const FrontMatter &FrontMatterForm::frontMatter() const
{
    return m_fm;
}

void FrontMatterForm::setTermSuggestions(const QString &key, const QStringList &terms)
{
    if (key.compare(kTags, Qt::CaseInsensitive) == 0)
        m_tags->setSuggestions(terms);
    else if (key.compare(kCategories, Qt::CaseInsensitive) == 0)
        m_categories->setSuggestions(terms);
}

void FrontMatterForm::showRawEditor(int line, int column)
{
    if (!isRawMode()) {
        m_filling = true;
        m_rawToggle->setChecked(true);
        m_filling = false;
        fillRaw();
        m_stack->setCurrentWidget(m_raw);
    }
    placeRawCursor(line, column);
    m_raw->setFocus();
}

bool FrontMatterForm::isRawMode() const
{
    return m_stack->currentWidget() == m_raw;
}

bool FrontMatterForm::eventFilter(QObject *watched, QEvent *event)
{
    // A post without a date shows "not set"; on focus the field offers now as a starting point,
    // which is written only if the writer changes it.
    if (watched == m_dateEdit && !m_date && !m_dateEdit->isReadOnly()) {
        if (event->type() == QEvent::FocusIn && !m_dateShowsNow) {
            const QDateTime now = QDateTime::currentDateTime();
            m_filling = true;
            m_dateEdit->setDateTime(QDateTime(now.date(), QTime(now.time().hour(), now.time().minute()), Qt::UTC));
            m_filling = false;
            m_dateShowsNow = true;
        } else if (event->type() == QEvent::FocusOut && m_dateShowsNow
                   && static_cast<QFocusEvent *>(event)->reason() != Qt::PopupFocusReason) {
            m_dateShowsNow = false;
            showDate();
        }
    }
    return QWidget::eventFilter(watched, event);
}

QString FrontMatterForm::keyFor(const QString &canonical) const
{
    // Hugo reads front matter keys case-insensitively: edit "Title" where the post has it.
    if (m_fm.contains(canonical))
        return canonical;
    for (const QString &key : m_fm.keys()) {
        if (key.compare(canonical, Qt::CaseInsensitive) == 0)
            return key;
    }
    return canonical;
}

void FrontMatterForm::fillFields()
{
    m_filling = true;
    const QList<QWidget *> fields{m_title, m_dateEdit, m_description, m_tags, m_categories,
                                  m_draft, m_sourceUrl, m_sourceName, m_otherKeys};
    for (QWidget *field : fields)
        markField(field, {});
    m_fieldErrors.clear();
    m_rowErrors.clear();

    const bool usable = m_fm.format() != FrontMatterFormat::None && m_fm.isValid();
    QSet<QString> handled;
    auto prepare = [&](const QString &canonical, QWidget *field) {
        const QString key = keyFor(canonical);
        const Value v = m_fm.value(key);
        const bool fits = fitsField(canonical, v);
        if (fits && m_fm.contains(key))
            handled.insert(key);
        Note why;
        if (m_fm.format() == FrontMatterFormat::None)
            why.kind = Note::Kind::NoFrontMatter;
        else if (!fits)
            why = Note{Note::Kind::WrongType, key, v.type(), {}};
        else if (!m_fm.isEditable(key))
            why = Note{Note::Kind::NotRewritable, key, {}, {}};
        setFieldEditable(field, usable && why.kind == Note::Kind::None, why);
        return fits ? v : Value();
    };

    m_title->setText(prepare(kTitle, m_title).toDisplayString());
    m_title->setCursorPosition(0);
    m_description->setPlainText(prepare(kDescription, m_description).toDisplayString());
    m_sourceUrl->setText(prepare(kSourceUrl, m_sourceUrl).toDisplayString());
    m_sourceName->setText(prepare(kSourceName, m_sourceName).toDisplayString());
    m_tags->setTokens(prepare(kTags, m_tags).toStringList());
    m_categories->setTokens(prepare(kCategories, m_categories).toStringList());
    m_draft->setChecked(prepare(kDraft, m_draft).toBool());
    const Value date = prepare(kDate, m_dateEdit);
    m_date.reset();
    if (date.type() == Value::Type::DateTime)
        m_date = date.toDateTime();
    else if (date.isString())
        m_date = DateTimeValue::parse(date.toString());
    m_dateShowsNow = false;
    showDate();

    m_otherKeys->setRowCount(0);
    for (const QString &key : m_fm.keys()) {
        if (handled.contains(key))
            continue;
        const int row = m_otherKeys->rowCount();
        m_otherKeys->insertRow(row);
        const auto [line, column] = m_fm.position(key);
        auto *keyItem = new QTableWidgetItem(key);
        keyItem->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
        keyItem->setData(Qt::UserRole, key);
        keyItem->setData(kLineRole, line);
        auto *valueItem = new QTableWidgetItem(m_fm.value(key).toDisplayString());
        const bool editable = m_fm.isEditable(key);
        valueItem->setFlags(editable ? valueItem->flags() | Qt::ItemIsEditable : keyItem->flags());
        valueItem->setData(Qt::UserRole, key);
        m_otherKeys->setItem(row, 0, keyItem);
        m_otherKeys->setItem(row, 1, valueItem);
        showRowToolTips(row);
    }
    // A last, empty row adds a key: the writer types its name and its value.
    if (usable) {
        const int row = m_otherKeys->rowCount();
        m_otherKeys->insertRow(row);
        for (int column = 0; column < 2; ++column)
            m_otherKeys->setItem(row, column, new QTableWidgetItem);
        showRowToolTips(row);
    }
    m_otherKeys->setEnabled(usable);
    fitTableHeight();
    m_filling = false;
}

void FrontMatterForm::fitTableHeight()
{
    // The header's height follows its labels' font, which may change with the language.
    int height = m_otherKeys->horizontalHeader()->sizeHint().height() + 2 * m_otherKeys->frameWidth();
    for (int row = 0; row < std::min(m_otherKeys->rowCount(), kTableMaxRows); ++row)
        height += m_otherKeys->rowHeight(row);
    m_otherKeys->setFixedHeight(height);
}

void FrontMatterForm::showDate()
{
    const bool wasFilling = m_filling;
    m_filling = true;
    if (m_date) {
        const bool dateOnly = m_date->kind == DateTimeValue::Kind::Date;
        m_dateEdit->setDisplayFormat(dateOnly ? u"yyyy-MM-dd"_s : u"yyyy-MM-dd HH:mm:ss"_s);
        const QTime time = dateOnly ? QTime(0, 0) : m_date->dateTime.time();
        m_dateEdit->setDateTime(QDateTime(m_date->dateTime.date(), time, Qt::UTC));
        showDateOffset();
    } else {
        m_dateEdit->setDisplayFormat(u"yyyy-MM-dd HH:mm:ss"_s);
        m_dateEdit->setDateTime(notSet());
        m_dateOffset->clear();
        m_dateOffset->setToolTip({});
    }
    m_filling = wasFilling;
}

void FrontMatterForm::showDateOffset()
{
    Q_ASSERT(m_date);
    switch (m_date->kind) {
    case DateTimeValue::Kind::OffsetDateTime:
        m_dateOffset->setText(DateTimeValue::offsetText(m_date->dateTime.offsetFromUtc()));
        break;
    case DateTimeValue::Kind::LocalDateTime:
        m_dateOffset->setText(tr("local time"));
        break;
    case DateTimeValue::Kind::Date:
        m_dateOffset->setText(tr("date only"));
        break;
    }
    m_dateOffset->setToolTip(tr("Written as %1").arg(m_date->text.trimmed()));
}

void FrontMatterForm::showFormat()
{
    m_formatLabel->setText(m_fm.format() == FrontMatterFormat::None ? tr("No front matter")
                                                                    : tr("%1 front matter").arg(formatName(m_fm.format())));
}

void FrontMatterForm::fillRaw()
{
    const QByteArray bytes = m_fm.bytes();
    m_rawEol = text::preferredEol(bytes);
    QString t = QString::fromUtf8(bytes);
    t.replace(u"\r\n"_s, u"\n"_s);
    const bool wasFilling = m_filling;
    m_filling = true;
    m_raw->setPlainText(t);
    m_filling = wasFilling;
}

void FrontMatterForm::placeRawCursor(int line, int column)
{
    if (line <= 0)
        return;
    QTextDocument *doc = m_raw->document();
    const QTextBlock block = doc->findBlockByNumber(std::clamp(line - m_fm.firstLine(), 0, doc->blockCount() - 1));
    // Error columns count characters (code points); the cursor counts UTF-16 units.
    const QString t = block.text();
    qsizetype units = 0;
    for (int c = 1; c < column && units < t.size(); ++c)
        units += (t[units].isHighSurrogate() && units + 1 < t.size()) ? 2 : 1;
    QTextCursor cursor(block);
    cursor.setPosition(block.position() + static_cast<int>(units));
    m_raw->setTextCursor(cursor);
    m_raw->ensureCursorVisible();
}

QString FrontMatterForm::noteText(const Note &note) const
{
    switch (note.kind) {
    case Note::Kind::None:
        return {};
    case Note::Kind::NoFrontMatter:
        return tr("This post has no front matter.");
    case Note::Kind::WrongType:
        return tr("“%1” holds %2 here; edit it under More fields.").arg(note.key, typeLabel(note.type));
    case Note::Kind::NotRewritable:
        return tr("“%1” is written in a form Frontmark cannot rewrite in place; edit it in Raw mode.").arg(note.key);
    case Note::Kind::CoreError:
        return locate(note.error);
    case Note::Kind::NotWebUrl:
        return tr("Not a web address yet: write it like https://example.org/article.");
    case Note::Kind::KeyExists:
        return tr("“%1” is already in the front matter.").arg(note.key);
    }
    return {};
}

QString FrontMatterForm::defaultToolTip(const QWidget *field) const
{
    if (field == m_tags)
        return tr("Separate tags with commas: , ， or 、");
    if (field == m_categories)
        return tr("Separate categories with commas: , ， or 、");
    return {};
}

void FrontMatterForm::showToolTip(QWidget *field)
{
    const auto error = m_fieldErrors.constFind(field);
    if (error != m_fieldErrors.cend()) {
        field->setToolTip(noteText(*error));
        return;
    }
    const Note why = m_baseNotes.value(field);
    field->setToolTip(why.kind == Note::Kind::None ? defaultToolTip(field) : noteText(why));
}

void FrontMatterForm::showRowToolTips(int row, bool spareEditor)
{
    QTableWidgetItem *keyItem = m_otherKeys->item(row, 0);
    QTableWidgetItem *valueItem = m_otherKeys->item(row, 1);
    if (!keyItem || !valueItem)
        return;
    const bool adds = keyItem->data(Qt::UserRole).toString().isEmpty(); // the row that adds a key
    const QString keyTip = adds ? tr("Type a new key and its value to add them.")
                                : tr("line %1").arg(keyItem->data(kLineRole).toInt());
    const auto error = m_rowErrors.constFind(row);
    QString valueTip;
    if (error != m_rowErrors.cend())
        valueTip = noteText(*error);
    else if (adds)
        valueTip = keyTip;
    else if (!(valueItem->flags() & Qt::ItemIsEditable))
        valueTip = tr("Written in a form Frontmark cannot rewrite in place; edit it in Raw mode.");
    // A tool tip is item data, and any change to the data of the item being edited resets its
    // editor to the item's text, dropping what the writer typed: a language change leaves that
    // one item's tip as it was.
    const auto setTip = [this, row, spareEditor](QTableWidgetItem *item, int column, const QString &tip) {
        if (spareEditor && m_otherKeys->indexWidget(m_otherKeys->model()->index(row, column)))
            return;
        item->setToolTip(tip);
    };
    setTip(keyItem, 0, keyTip);
    setTip(valueItem, 1, valueTip);
}

void FrontMatterForm::setFieldEditable(QWidget *field, bool editable, const Note &why)
{
    m_baseNotes.insert(field, editable ? Note{} : why);
    showToolTip(field);
    if (auto *line = qobject_cast<QLineEdit *>(field))
        line->setReadOnly(!editable);
    else if (auto *text = qobject_cast<QPlainTextEdit *>(field))
        text->setReadOnly(!editable);
    else if (auto *date = qobject_cast<QDateTimeEdit *>(field))
        date->setReadOnly(!editable);
    else
        field->setEnabled(editable);
}

void FrontMatterForm::markField(QWidget *field, const Note &error)
{
    const bool marked = error.kind != Note::Kind::None;
    if (marked)
        m_fieldErrors.insert(field, error);
    else
        m_fieldErrors.remove(field);
    if (field->property(kErrorProperty).toBool() != marked) {
        field->setProperty(kErrorProperty, marked);
        field->style()->unpolish(field); // property selectors apply only on a new polish
        field->style()->polish(field);
    }
    showToolTip(field);
    updateMessage();
}

void FrontMatterForm::markRow(int row, const Note &error)
{
    const bool marked = error.kind != Note::Kind::None;
    for (int column = 0; column < 2; ++column) {
        if (QTableWidgetItem *item = m_otherKeys->item(row, column))
            item->setBackground(marked ? QBrush(QColor(0xfd, 0xec, 0xea)) : QBrush());
    }
    if (marked) {
        m_rowErrors.insert(row, error);
        m_fieldErrors.insert(m_otherKeys, error);
    } else {
        m_rowErrors.remove(row);
        m_fieldErrors.remove(m_otherKeys);
    }
    showRowToolTips(row);
    updateMessage();
}

void FrontMatterForm::updateMessage()
{
    m_leaveRefused = false;
    showMessage();
}

void FrontMatterForm::showMessage()
{
    QString text = m_reportedError ? locate(*m_reportedError) : QString();
    if (m_leaveRefused && m_reportedError)
        text = tr("Fix the front matter before going back to the form — %1").arg(text);
    for (auto it = m_fieldErrors.cbegin(); text.isEmpty() && it != m_fieldErrors.cend(); ++it)
        text = noteText(*it);
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

FrontMatterForm::Note FrontMatterForm::refusal(const Status &status)
{
    return status.ok() ? Note{} : Note{Note::Kind::CoreError, {}, {}, status.error()};
}

QString FrontMatterForm::locate(const Error &error) const
{
    if (error.line <= 0)
        return error.message;
    if (error.column <= 0)
        return tr("line %1: %2").arg(QString::number(error.line), error.message);
    return tr("line %1, column %2: %3").arg(QString::number(error.line), QString::number(error.column), error.message);
}

Status FrontMatterForm::apply(const QString &key, const Value &value)
{
    const QByteArray before = m_fm.bytes();
    const Status status = m_fm.setValue(key, value);
    if (status.ok() && m_fm.bytes() != before)
        Q_EMIT frontMatterEdited();
    return status;
}

void FrontMatterForm::onTextFieldEdited(const QString &canonical, QWidget *field, const QString &text)
{
    const QString key = keyFor(canonical);
    // An absent key is added only once the writer types something; an existing one is never
    // removed by emptying its field (Hugo's templates may test for it).
    if (!m_fm.contains(key) && text.isEmpty()) {
        markField(field, {});
        return;
    }
    const Status status = apply(key, Value(text));
    markField(field, refusal(status));
}

void FrontMatterForm::onSourceUrlEdited(const QString &text)
{
    const QString url = text.trimmed();
    if (!url.isEmpty() && !isWebUrl(url)) {
        markField(m_sourceUrl, Note{Note::Kind::NotWebUrl, {}, {}, {}});
        return;
    }
    onTextFieldEdited(kSourceUrl, m_sourceUrl, url);
}

void FrontMatterForm::onTermsEdited(const QString &canonical, TokenEdit *field, const QStringList &tokens)
{
    const QString key = keyFor(canonical);
    if (!m_fm.contains(key) && tokens.isEmpty())
        return;
    const Value current = m_fm.value(key);
    Value next;
    if (current.isString() && tokens.size() <= 1) {
        next = Value(tokens.value(0)); // "tags: AI" stays a lone string
    } else {
        // Terms the post already had keep their type (a year written as 2025 stays a number).
        Value::List items;
        for (const QString &token : tokens) {
            const auto &old = current.toList();
            const auto same = std::find_if(old.begin(), old.end(),
                                           [&](const Value &v) { return v.toDisplayString() == token; });
            items.append(same != old.end() ? *same : Value(token));
        }
        next = Value(items);
    }
    const Status status = apply(key, next);
    markField(field, refusal(status));
}

void FrontMatterForm::onDraftToggled(bool checked)
{
    if (m_filling)
        return;
    const Status status = apply(keyFor(kDraft), Value(checked));
    markField(m_draft, refusal(status));
}

void FrontMatterForm::onDateEdited()
{
    if (m_filling)
        return;
    const QDateTime shown = m_dateEdit->dateTime();
    if (shown == notSet())
        return;
    // A new date is spelled with this machine's offset, never as UTC "Z" (docs/decisions.md, decision 2).
    const DateTimeValue next = m_date ? m_date->withDateTime(shown.date(), shown.time())
                                      : DateTimeValue::fromDateTime(QDateTime(shown.date(), shown.time(), Qt::LocalTime));
    const Status status = apply(keyFor(kDate), Value(next));
    if (!status.ok()) {
        markField(m_dateEdit, refusal(status));
        return;
    }
    const bool kindChanged = !m_date || m_date->kind != next.kind;
    m_date = next;
    m_dateShowsNow = false;
    markField(m_dateEdit, {});
    if (kindChanged)
        showDate();
    else
        showDateOffset(); // "Written as …" names the new spelling
}

void FrontMatterForm::onTableItemChanged(QTableWidgetItem *item)
{
    if (m_filling)
        return;
    const int row = item->row();
    QTableWidgetItem *keyItem = m_otherKeys->item(row, 0);
    QTableWidgetItem *valueItem = m_otherKeys->item(row, 1);
    if (!keyItem || !valueItem)
        return;
    const QString existing = keyItem->data(Qt::UserRole).toString();

    if (existing.isEmpty()) { // the row that adds a key
        const QString key = keyItem->text().trimmed();
        if (key.isEmpty() || valueItem->text().trimmed().isEmpty())
            return;
        if (m_fm.contains(key)) {
            markRow(row, Note{Note::Kind::KeyExists, key, {}, {}});
            return;
        }
        const auto value = parseValueText(valueItem->text()); // a new key: the type is inferred
        const Status status = value.ok() ? apply(key, value.value()) : Status(value.error());
        if (!status.ok()) {
            markRow(row, refusal(status));
            return;
        }
        fillFields(); // the key may be one the form has a field for
        return;
    }

    if (item->column() != 1)
        return;
    // Typed like the current value, as `frontmark-cli set` does.
    const Value current = m_fm.value(existing);
    const auto value = parseValueText(item->text(), current.isNull() ? std::nullopt
                                                                     : std::optional<Value::Type>(current.type()));
    const Status status = value.ok() ? apply(existing, value.value()) : Status(value.error());
    if (!status.ok()) {
        markRow(row, refusal(status));
        return;
    }
    markRow(row, {});
    m_filling = true;
    item->setText(m_fm.value(existing).toDisplayString()); // "a, b" now reads as the list it became
    m_filling = false;
}

void FrontMatterForm::onRawToggled(bool raw)
{
    if (m_filling)
        return;
    if (raw) {
        fillRaw();
        m_stack->setCurrentWidget(m_raw);
        m_autoRaw = false;
        return;
    }
    if (!m_fm.isValid()) {
        // The form can only show a block that parses; stay until it does.
        m_filling = true;
        m_rawToggle->setChecked(true);
        m_filling = false;
        m_errorTimer->stop();
        reportError();
        m_leaveRefused = true;
        showMessage();
        return;
    }
    fillFields();
    m_stack->setCurrentWidget(m_fieldsPage);
    m_autoRaw = false;
    updateMessage();
}

void FrontMatterForm::onRawEdited()
{
    if (m_filling)
        return;
    QByteArray bytes = rawPlainText(m_raw->document()).toUtf8();
    if (m_rawEol == "\r\n")
        bytes.replace("\n", "\r\n");
    const QByteArray before = m_fm.bytes();
    m_fm.setBytes(bytes);
    if (m_fm.bytes() != before)
        Q_EMIT frontMatterEdited();
    // A fix is reported at once; a new error only when typing pauses, so a half-typed line
    // does not flash an error at every keystroke.
    if (m_fm.isValid()) {
        m_errorTimer->stop();
        reportError();
    } else {
        m_errorTimer->start();
    }
}

void FrontMatterForm::reportError()
{
    const QString message = m_fm.isValid() ? QString() : locate(*m_fm.error());
    if (message != (m_reportedError ? locate(*m_reportedError) : QString())) {
        m_reportedError = m_fm.error();
        Q_EMIT errorChanged(message);
    }
    updateMessage();
}

} // namespace frontmark
