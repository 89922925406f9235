// SPDX-License-Identifier: GPL-3.0-or-later
#include "publishdialog.h"

#include "diffview.h"
#include "messagebar.h"
#include "sitedestinationfields.h"

#include "site/site.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPromise>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QStyle>
#include <QTabWidget>
#include <QThreadPool>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <memory>

using namespace Qt::StringLiterals;

namespace frontmark {

namespace {

constexpr int kDebounceMs = 200;

QIcon themedIcon(const QString &name, QStyle::StandardPixmap fallback, const QWidget *widget)
{
    return QIcon::fromTheme(name, widget->style()->standardIcon(fallback, nullptr, widget));
}

// "content/posts/x.md" inside the site, the full path elsewhere, in the platform's separators.
QString displayPath(const QString &path, const QString &siteRoot)
{
    if (!siteRoot.isEmpty()) {
        const QString rel = QDir(siteRoot).relativeFilePath(path);
        if (!rel.startsWith(u"..") && !QDir::isAbsolutePath(rel))
            return QDir::toNativeSeparators(rel);
    }
    return QDir::toNativeSeparators(path);
}

bool isInside(const QString &path, const QString &dir)
{
    if (path.isEmpty() || dir.isEmpty())
        return false;
    const QString rel = QDir(dir).relativeFilePath(QFileInfo(path).absoluteFilePath());
    return !rel.startsWith(u"..") && !QDir::isAbsolutePath(rel);
}

// QTreeView asks its delegate for row heights without the column width, so wrapped text
// would get one line; this delegate measures at the column's width.
class WrappingDelegate : public QStyledItemDelegate
{
public:
    explicit WrappingDelegate(QTreeView *view) : QStyledItemDelegate(view), m_view(view) {}

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        opt.rect = QRect(0, 0, m_view->header()->sectionSize(index.column()), 1);
        return QStyledItemDelegate::sizeHint(opt, index);
    }

private:
    QTreeView *m_view;
};

QString locationText(const Diagnostic &d)
{
    if (d.line <= 0)
        return u"—"_s;
    return d.column > 0 ? u"%1:%2"_s.arg(d.line).arg(d.column) : QString::number(d.line);
}

} // namespace

PublishDialog::PublishDialog(const PostFile &post, const QString &postPath, const publisher::Options &initial,
                             QWidget *parent)
    : QDialog(parent)
    , m_post(post)
    , m_postPath(postPath)
    , m_initial(initial)
    , m_debounce(new QTimer(this))
{
    setObjectName(u"publishDialog"_s);
    const QString title = post.frontMatter().value(u"title"_s).toString().simplified();
    setWindowTitle(title.isEmpty() ? tr("Publish Post") : tr("Publish “%1”").arg(title));

    if (!postPath.isEmpty()) {
        const Site site = Site::forPost(postPath);
        m_inPlace = site.isHugoSite() && isInside(postPath, site.contentDir());
    }

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &PublishDialog::startPrepare);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);
    m_messageBar = new MessageBar(MessageBar::Kind::Error, this);
    m_messageBar->setObjectName(u"publishMessageBar"_s);
    outer->addWidget(m_messageBar);

    auto *body = new QVBoxLayout;
    const int margin = style()->pixelMetric(QStyle::PM_LayoutLeftMargin, nullptr, this);
    body->setContentsMargins(margin + 4, margin, margin + 4, margin);
    body->setSpacing(10);
    outer->addLayout(body, 1);

    body->addWidget(createDestination());

    auto *statusRow = new QHBoxLayout;
    statusRow->setSpacing(8);
    m_statusIcon = new QLabel(this);
    m_statusIcon->setFixedSize(16, 16);
    m_status = new QLabel(this);
    m_status->setObjectName(u"publishStatus"_s);
    m_status->setWordWrap(true);
    statusRow->addWidget(m_statusIcon, 0, Qt::AlignTop);
    statusRow->addWidget(m_status, 1);
    body->addLayout(statusRow);

    body->addWidget(createTabs(), 1);

    auto *buttons = new QDialogButtonBox(this);
    m_publishButton = buttons->addButton(tr("Publish"), QDialogButtonBox::AcceptRole);
    m_publishButton->setObjectName(u"publishButton"_s);
    m_publishButton->setEnabled(false);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(u"cancelButton"_s);
    // The Publish button checks and asks before accepting, so it is not wired to accepted().
    connect(m_publishButton, &QPushButton::clicked, this, &PublishDialog::publish);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    body->addWidget(buttons);

    resize(780, 600);

    if (!m_inPlace) {
        QString site = initial.targetSite;
        if (site.isEmpty()) {
            site = SiteDestinationFields::lastSite();
            if (!QFileInfo(site).isDir())
                site.clear();
        }
        m_fields->setSiteRoot(site);
        m_fields->checkSite();
        m_fields->validateName();
    }
    startPrepare();
}

PublishDialog::~PublishDialog() = default;

QWidget *PublishDialog::createDestination()
{
    auto *box = new QWidget(this);
    auto *form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_target = new QLabel(box);
    m_target->setObjectName(u"targetLabel"_s);
    m_target->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_target->setWordWrap(true);
    m_setDate = new QCheckBox(tr("Set the date to now"), box);
    m_setDate->setObjectName(u"setDateCheck"_s);
    m_setDate->setChecked(m_initial.setDate);
    m_setDate->setToolTip(tr("Hugo lists posts by date: use the moment of publishing instead of the date in the post."));
    connect(m_setDate, &QCheckBox::toggled, this, &PublishDialog::schedulePrepare);

    if (m_inPlace) {
        form->addRow(tr("Destination:"), m_target);
        form->addRow(QString(), m_setDate);
        return box;
    }

    m_fields = new SiteDestinationFields(form, box);
    if (!m_initial.section.isEmpty())
        m_fields->setSection(m_initial.section);
    const QString defaultName = publisher::defaultName(m_post, m_initial.now);
    m_fields->setNamePlaceholder(defaultName);
    m_fields->setFileName(m_initial.name.isEmpty() ? defaultName : m_initial.name);
    connect(m_fields, &SiteDestinationFields::siteTextChanged, this, &PublishDialog::schedulePrepare);
    connect(m_fields, &SiteDestinationFields::siteChosen, this, [this] {
        m_fields->checkSite();
        if (m_fields->isSiteValid())
            SiteDestinationFields::rememberSite(m_fields->siteRoot());
    });
    connect(m_fields, &SiteDestinationFields::sectionChanged, this, &PublishDialog::schedulePrepare);
    connect(m_fields, &SiteDestinationFields::nameChanged, this, [this] {
        m_fields->validateName();
        schedulePrepare();
    });

    form->addRow(tr("Will be written to:"), m_target);
    form->addRow(QString(), m_setDate);
    return box;
}

QWidget *PublishDialog::createTabs()
{
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"publishTabs"_s);

    m_problems = new QTreeWidget(m_tabs);
    m_problems->setObjectName(u"problemsView"_s);
    m_problems->setColumnCount(2);
    m_problems->setHeaderLabels({tr("Line"), tr("Problem")});
    m_problems->setRootIsDecorated(false);
    m_problems->setWordWrap(true); // the messages are sentences: show them whole
    m_problems->setItemDelegate(new WrappingDelegate(m_problems));
    // Wrapped rows change height with the message column's width; QTreeView caches heights.
    connect(m_problems->header(), &QHeaderView::sectionResized, m_problems, [this](int section) {
        if (section == 1)
            m_problems->doItemsLayout();
    });
    m_problems->setAllColumnsShowFocus(true);
    m_problems->header()->setStretchLastSection(true);
    m_problems->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_problems->setToolTip(tr("Double-click a problem to go to it in the post"));
    connect(m_problems, &QTreeWidget::itemActivated, this, &PublishDialog::activateProblem);
    auto *noProblems = new QLabel(tr("No problems found."), m_tabs);
    noProblems->setObjectName(u"noProblemsLabel"_s);
    noProblems->setAlignment(Qt::AlignCenter);
    noProblems->setForegroundRole(QPalette::PlaceholderText);
    m_problemsStack = new QStackedWidget(m_tabs);
    m_problemsStack->addWidget(m_problems);
    m_problemsStack->addWidget(noProblems);
    m_problemsStack->setCurrentWidget(noProblems);
    m_tabs->addTab(m_problemsStack, tr("Problems"));

    m_diff = new DiffView(m_tabs);
    m_diff->setObjectName(u"publishDiff"_s);
    m_tabs->addTab(m_diff, tr("Changes"));

    m_images = new QTreeWidget(m_tabs);
    m_images->setObjectName(u"imagesView"_s);
    m_images->setColumnCount(3);
    m_images->setHeaderLabels({tr("Image"), tr("Copied to"), tr("Status")});
    m_images->setRootIsDecorated(false);
    m_images->setUniformRowHeights(true);
    m_images->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_images->header()->setStretchLastSection(false);
    m_images->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_images->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_images->setColumnWidth(0, 260);
    m_tabs->addTab(m_images, tr("Images to Copy"));
    m_tabs->setTabVisible(2, false);
    return m_tabs;
}

bool PublishDialog::isPreparing() const
{
    return m_debounce->isActive() || m_planGeneration != m_generation;
}

publisher::Options PublishDialog::options() const
{
    publisher::Options o = m_initial;
    o.setDate = m_setDate->isChecked();
    if (!m_inPlace) {
        o.targetSite = m_fields->siteProblem().isEmpty() ? siteRoot() : QString();
        o.section = section();
        o.name = m_fields->baseName();
    }
    return o;
}

QString PublishDialog::siteRoot() const
{
    return m_fields ? m_fields->siteRoot() : m_plan.siteRoot;
}

void PublishDialog::setSiteRoot(const QString &root)
{
    if (m_fields)
        m_fields->setSiteRoot(root);
}

QString PublishDialog::section() const
{
    return m_fields ? m_fields->section() : m_initial.section;
}

void PublishDialog::setSection(const QString &section)
{
    if (m_fields)
        m_fields->setSection(section);
}

QString PublishDialog::fileName() const
{
    return m_fields ? m_fields->fileName() : QString();
}

void PublishDialog::setFileName(const QString &name)
{
    if (m_fields)
        m_fields->setFileName(name);
}

bool PublishDialog::setsDate() const
{
    return m_setDate->isChecked();
}

void PublishDialog::setSetsDate(bool setDate)
{
    m_setDate->setChecked(setDate);
}

void PublishDialog::schedulePrepare()
{
    m_debounce->start();
    updateState();
}

void PublishDialog::startPrepare()
{
    m_debounce->stop();
    if (!m_inPlace) {
        m_fields->checkSite();
        if (!m_fields->validateName()) {
            updateState();
            return;
        }
    }
    const quint64 generation = ++m_generation;
    // The worker shares only the promise with the dialog: if the dialog goes away first, the
    // watcher goes with it and the result is dropped.
    auto promise = std::make_shared<QPromise<publisher::Plan>>();
    auto *watcher = new QFutureWatcher<publisher::Plan>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (watcher->future().resultCount() > 0)
            applyPlan(generation, watcher->future().result());
    });
    watcher->setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start([promise, post = m_post, path = m_postPath, opts = options()] {
        promise->addResult(publisher::prepare(post, path, opts));
        promise->finish();
    });
    updateState();
}

void PublishDialog::applyPlan(quint64 generation, const publisher::Plan &plan)
{
    if (generation != m_generation)
        return; // an option changed since this was asked for
    m_plan = plan;
    m_hasPlan = true;
    m_planGeneration = generation;

    m_problems->clear();
    const QIcon errorIcon = themedIcon(u"dialog-error"_s, QStyle::SP_MessageBoxCritical, this);
    const QIcon warningIcon = themedIcon(u"dialog-warning"_s, QStyle::SP_MessageBoxWarning, this);
    int errors = 0;
    for (qsizetype i = 0; i < plan.problems.size(); ++i) {
        const Diagnostic &d = plan.problems.at(i);
        errors += d.isError() ? 1 : 0;
        auto *item = new QTreeWidgetItem(m_problems);
        item->setIcon(0, d.isError() ? errorIcon : warningIcon);
        item->setText(0, locationText(d));
        item->setText(1, d.message);
        item->setToolTip(1, d.message);
        item->setData(0, Qt::UserRole, static_cast<int>(i));
        item->setData(0, Qt::AccessibleTextRole,
                      (d.isError() ? tr("Error at %1") : tr("Warning at %1")).arg(locationText(d)));
    }
    m_problemsStack->setCurrentIndex(plan.problems.isEmpty() ? 1 : 0);
    m_tabs->setTabText(0, plan.problems.isEmpty() ? tr("Problems")
                                                  : tr("Problems (%n)", nullptr, static_cast<int>(plan.problems.size())));

    m_diff->setDiff(plan.diff());

    m_images->clear();
    int toCopy = 0;
    for (const publisher::ImageCopy &image : plan.images) {
        auto *item = new QTreeWidgetItem(m_images);
        item->setText(0, image.url);
        item->setToolTip(0, QDir::toNativeSeparators(image.from));
        item->setText(1, displayPath(image.to, plan.siteRoot));
        item->setToolTip(1, QDir::toNativeSeparators(image.to));
        if (image.sameFileThere) {
            item->setText(2, tr("Already there"));
            item->setForeground(2, palette().brush(QPalette::PlaceholderText));
        } else {
            item->setText(2, tr("Will be copied"));
            ++toCopy;
        }
    }
    m_tabs->setTabVisible(2, !plan.images.isEmpty());
    m_tabs->setTabText(2, toCopy > 0 ? tr("Images to Copy (%n)", nullptr, toCopy) : tr("Images to Copy"));

    // Show the problems first when there are errors, else what will change; later plans
    // switch only when errors appear, so the writer's own tab choice stays.
    if (!m_shownFirstPlan || (errors > 0 && m_lastErrorCount == 0))
        m_tabs->setCurrentIndex(errors > 0 || plan.problems.size() > 0 ? 0 : 1);
    m_shownFirstPlan = true;
    m_lastErrorCount = errors;

    updateState();
    Q_EMIT planPrepared();
}

void PublishDialog::updateTarget()
{
    if (m_inPlace) {
        const QString path = m_hasPlan && !m_plan.targetPath.isEmpty() ? m_plan.targetPath : m_postPath;
        m_target->setText(tr("Published in place: %1").arg(displayPath(path, m_plan.siteRoot)));
        m_target->setToolTip(QDir::toNativeSeparators(path));
        return;
    }
    const bool nameOk = m_fields->nameProblem().isEmpty();
    if (siteRoot().isEmpty() || !m_fields->siteProblem().isEmpty() || !nameOk) {
        m_target->setText(nameOk ? tr("Choose the site first.") : u"—"_s);
        m_target->setToolTip(QString());
        m_target->setForegroundRole(QPalette::PlaceholderText);
        return;
    }
    m_target->setForegroundRole(QPalette::WindowText);
    if (m_hasPlan && !m_plan.targetPath.isEmpty()) {
        m_target->setText(displayPath(m_plan.targetPath, m_plan.siteRoot));
        m_target->setToolTip(QDir::toNativeSeparators(m_plan.targetPath));
    }
}

void PublishDialog::updateState()
{
    updateTarget();
    const bool preparing = isPreparing();
    const bool siteMissing = !m_inPlace && (siteRoot().isEmpty() || !m_fields->siteProblem().isEmpty());
    const bool nameOk = m_inPlace || m_fields->nameProblem().isEmpty();
    bool nothingToDo = false;
    if (m_hasPlan) {
        nothingToDo = m_plan.targetExists && m_plan.oldBytes == m_plan.newBytes;
        for (const publisher::ImageCopy &image : m_plan.images)
            nothingToDo = nothingToDo && image.sameFileThere;
    }

    QString text;
    QIcon icon;
    if (!nameOk) {
        text = tr("Fix the file name to continue.");
        icon = themedIcon(u"dialog-error"_s, QStyle::SP_MessageBoxCritical, this);
    } else if (preparing || !m_hasPlan) {
        text = tr("Checking the post…");
    } else if (siteMissing) {
        text = tr("Choose the Hugo site to publish this post into.");
        icon = themedIcon(u"dialog-information"_s, QStyle::SP_MessageBoxInformation, this);
    } else if (m_plan.hasErrors()) {
        text = tr("Fix the errors below, then publish.");
        icon = themedIcon(u"dialog-error"_s, QStyle::SP_MessageBoxCritical, this);
    } else if (nothingToDo) {
        text = tr("Nothing to publish: the site already has this version.");
        icon = themedIcon(u"dialog-information"_s, QStyle::SP_MessageBoxInformation, this);
    } else if (m_plan.hasWarnings()) {
        text = tr("Hugo can publish this post, but look at the warnings below first.");
        icon = themedIcon(u"dialog-warning"_s, QStyle::SP_MessageBoxWarning, this);
    } else if (m_plan.overwritesAnotherFile()) {
        text = tr("A different file already exists there: publishing replaces it.");
        icon = themedIcon(u"dialog-warning"_s, QStyle::SP_MessageBoxWarning, this);
    } else {
        text = tr("Ready to publish.");
        icon = themedIcon(u"dialog-ok"_s, QStyle::SP_DialogApplyButton, this);
    }
    m_status->setText(text);
    m_statusIcon->setPixmap(icon.isNull() ? QPixmap() : icon.pixmap(16, 16));

    const bool canPublish = !preparing && m_hasPlan && nameOk && !siteMissing && !m_plan.hasErrors()
        && !m_plan.targetPath.isEmpty() && !nothingToDo;
    m_publishButton->setEnabled(canPublish);
    m_publishButton->setText(m_hasPlan && m_plan.hasWarnings() ? tr("Publish Anyway") : tr("Publish"));
    m_publishButton->setDefault(canPublish);
}

void PublishDialog::publish()
{
    if (!m_publishButton->isEnabled())
        return;
    const publisher::Plan plan = m_plan;
    bool allowOverwrite = false;
    if (plan.overwritesAnotherFile()) {
        QMessageBox box(QMessageBox::Warning, tr("Replace File?"),
                        tr("Replace the existing file “%1”?").arg(QFileInfo(plan.targetPath).fileName()),
                        QMessageBox::Yes | QMessageBox::No, this);
        box.setObjectName(u"replaceFileBox"_s);
        box.setInformativeText(tr("Another file with this name is already in %1. Publishing replaces its contents "
                                  "with this post; the Changes tab shows the difference.")
                                   .arg(QDir::toNativeSeparators(QFileInfo(plan.targetPath).absolutePath())));
        box.button(QMessageBox::Yes)->setText(tr("Replace"));
        box.setDefaultButton(QMessageBox::No);
        if (box.exec() != QMessageBox::Yes)
            return;
        allowOverwrite = true;
    }

    m_messageBar->hide();
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const Result<QString> written = publisher::execute(plan, allowOverwrite);
    QGuiApplication::restoreOverrideCursor();
    if (!written.ok()) {
        const Error &error = written.error();
        QString message = error.message;
        if (!error.file.isEmpty())
            message = tr("%1 (%2)").arg(message, QDir::toNativeSeparators(error.file));
        m_messageBar->showMessage(message);
        // The disk may have changed under the plan (the usual reason execute refuses): look again.
        schedulePrepare();
        return;
    }
    m_publishedPath = written.value();
    if (!m_inPlace && !plan.siteRoot.isEmpty())
        SiteDestinationFields::rememberSite(plan.siteRoot);
    accept();
}

void PublishDialog::activateProblem(QTreeWidgetItem *item)
{
    if (!item)
        return;
    const int index = item->data(0, Qt::UserRole).toInt();
    if (index < 0 || index >= m_plan.problems.size())
        return;
    const Diagnostic diagnostic = m_plan.problems.at(index);
    Q_EMIT problemActivated(diagnostic);
    reject();
}

} // namespace frontmark
