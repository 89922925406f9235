// SPDX-License-Identifier: GPL-3.0-or-later
#include "postsession.h"

#include "document/filewatch.h"
#include "io/safewrite.h"
#include "live/renderworker.h"

#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QPromise>
#include <QThreadPool>

#include <memory>

namespace frontmark {

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// What a pool thread hands back: a Result has no empty state, and QFuture wants one.
struct ReadResult
{
    PostSession::Opened opened;
    std::optional<Error> error;
};

} // namespace

PostSession::PostSession(QObject *parent)
    : QObject(parent)
    , m_watch(new FileWatch(this))
    , m_renderer(new RenderWorker(this))
{
    qRegisterMetaType<frontmark::PostSession::Opened>();
    connect(m_watch, &FileWatch::changedOnDisk, this, &PostSession::changedOnDisk);
}

PostSession::~PostSession() = default;

Result<PostSession::Opened> PostSession::read(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    auto bytes = PostFile::readBytes(absolute);
    if (!bytes.ok())
        return bytes.error();
    auto post = PostFile::fromBytes(bytes.value(), absolute);
    if (!post.ok())
        return post.error();
    Opened opened;
    opened.post = post.value();
    opened.path = absolute;
    opened.bytes = bytes.value();
    opened.body = opened.post.bodyText();
    opened.lineEnding = text::detectLineEnding(opened.bytes);
    return opened;
}

void PostSession::open(const QString &path)
{
    const quint64 ticket = ++m_openTicket;
    m_opening = true;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    auto promise = std::make_shared<QPromise<ReadResult>>();
    auto *watcher = new QFutureWatcher<ReadResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, ticket, absolute] {
        watcher->deleteLater();
        if (ticket != m_openTicket || watcher->future().resultCount() == 0)
            return; // superseded or cancelled
        m_opening = false;
        ReadResult result = watcher->future().takeResult();
        if (result.error) {
            Q_EMIT openFailed(absolute, *result.error);
            return;
        }
        setBase(result.opened.post, result.opened.path, result.opened.bytes, result.opened.lineEnding);
        Q_EMIT opened(result.opened);
    });
    watcher->setFuture(promise->future());
    QThreadPool::globalInstance()->start([promise, absolute] {
        promise->start();
        auto read = PostSession::read(absolute);
        ReadResult result;
        if (read.ok())
            result.opened = std::move(read.value());
        else
            result.error = read.error();
        promise->addResult(std::move(result));
        promise->finish();
    });
}

void PostSession::accept(const Opened &opened)
{
    cancelOpen();
    setBase(opened.post, opened.path, opened.bytes, opened.lineEnding);
}

void PostSession::cancelOpen()
{
    ++m_openTicket;
    m_opening = false;
}

void PostSession::adopt(const PostFile &post, const QString &path, const QByteArray &diskBytes)
{
    cancelOpen();
    const QString absolute = path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
    setBase(post, absolute, diskBytes, diskBytes.isEmpty() ? post.lineEnding() : text::detectLineEnding(diskBytes));
}

void PostSession::setBase(const PostFile &post, const QString &path, const QByteArray &bytes, LineEnding lineEnding)
{
    m_post = post;
    m_path = path;
    m_diskBytes = bytes;
    m_lineEnding = lineEnding;
    m_watch->setPath(path, bytes);
    Q_EMIT baseChanged(path, bytes);
}

PostSession::SaveOutcome PostSession::save(const QByteArray &bytes, const QString &path, bool overwriteConflict)
{
    const QString target = QFileInfo(path.isEmpty() ? m_path : path).absoluteFilePath();
    SaveOutcome outcome;
    // Another program may have written the post since we read it: never overwrite that
    // unseen. (A file that is gone has nothing to lose; writing it again is what the writer wants.)
    if (target == m_path && !overwriteConflict) {
        if (auto disk = conflictingDiskBytes()) {
            outcome.kind = SaveOutcome::Kind::Conflict;
            outcome.diskBytes = *disk;
            return outcome;
        }
    }
    const Status written = writeFileAtomically(target, bytes);
    if (!written.ok()) {
        outcome.kind = SaveOutcome::Kind::WriteFailed;
        outcome.error = written.error();
        return outcome;
    }
    outcome.renamed = target != m_path;
    auto saved = PostFile::fromBytes(bytes, target);
    // What was written came from the editor, so it splits; if it somehow did not, the old
    // parts stay the base's and the bytes on disk still are what the next save compares.
    setBase(saved.ok() ? saved.value() : m_post, target, bytes, text::detectLineEnding(bytes));
    return outcome;
}

std::optional<QByteArray> PostSession::conflictingDiskBytes() const
{
    // One read: the same bytes say whether the disk moved on and, if so, what it holds.
    if (m_path.isEmpty())
        return std::nullopt;
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt; // gone: nothing to lose
    QByteArray disk = file.readAll();
    if (disk == m_diskBytes)
        return std::nullopt;
    return disk;
}

void PostSession::acceptDiskVersion()
{
    m_diskBytes = readAll(m_path);
    m_watch->setKnownBytes(m_diskBytes);
    Q_EMIT baseChanged(m_path, m_diskBytes);
}

void PostSession::setDiskBytes(const QByteArray &bytes)
{
    m_diskBytes = bytes;
    m_lineEnding = text::detectLineEnding(bytes);
    m_watch->setPath(m_path, bytes);
    Q_EMIT baseChanged(m_path, bytes);
}

quint64 PostSession::requestRender(const QString &body, const RenderOptions &options)
{
    m_renderer->request(++m_revision, body, options);
    return m_revision;
}

} // namespace frontmark
