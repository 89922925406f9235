// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/postfile.h"
#include "render/renderoptions.h"
#include "text/textutil.h"
#include "util/result.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <optional>

namespace frontmark {

class FileWatch;
class RenderWorker;

/**
 * The open post, without a widget (issue #14): its PostFile as last read or written (the base
 * the editor's text is an edit of), its path, the bytes on disk that base came from, the watch
 * on that file, the render worker and its revision counter. It does the file work and says
 * what happened; the window only turns outcomes into dialogs and text into widgets.
 *
 * - open() reads and splits a post on a pool thread (issue #20: a 64 MB post never holds the
 *   UI thread) and delivers opened() or openFailed(); a later open() supersedes an earlier one
 *   still reading, whose result is dropped. The base changes only when opened() is delivered.
 * - save() writes atomically and never over bytes another program wrote since the base was
 *   read, unless told to: a Conflict outcome carries what the disk holds now.
 * - baseChanged() is the hook for the autosaver: every new base (open, save, adopt, keeping
 *   our version over the disk's) with its path and bytes.
 *
 * One thread (the UI thread); only the reading in open() happens elsewhere.
 */
class PostSession : public QObject
{
    Q_OBJECT
public:
    /// A post read and split, with what the UI would otherwise compute from it on its thread.
    struct Opened
    {
        PostFile post;
        QString path;      // absolute
        QByteArray bytes;  // exactly what is on disk; post.toBytes() == bytes
        QString body;      // post.bodyText()
        LineEnding lineEnding = LineEnding::None;
    };

    struct SaveOutcome
    {
        enum class Kind {
            Saved,       // the bytes are on disk under path(); they are the new base
            Conflict,    // the file on disk is not the base any more; nothing was written
            WriteFailed, // the write failed (error says at which step); the file is untouched
        };
        Kind kind = Kind::Saved;
        QByteArray diskBytes; // Conflict: what the file holds now
        std::optional<Error> error; // WriteFailed
        bool renamed = false; // Saved: path() changed
    };

    explicit PostSession(QObject *parent = nullptr);
    ~PostSession() override;

    /// Reads and splits `path` on this thread: what open() does on a pool thread.
    static Result<Opened> read(const QString &path);

    /// Starts reading `path` (made absolute); opened() or openFailed() follows.
    void open(const QString &path);
    /// Takes a post read() on this thread as the base, as a delivered open() does (without
    /// the opened() signal); supersedes an open() still reading.
    void accept(const Opened &opened);
    /// Drops the result of an open() still reading; nothing is delivered for it.
    void cancelOpen();
    bool isOpening() const { return m_opening; }

    /// Takes `post` as the base without reading: a new post (empty path), a recovered copy
    /// (its `diskBytes` are what is on disk now, not what the copy was made from).
    void adopt(const PostFile &post, const QString &path, const QByteArray &diskBytes);
    /// Replaces the base's parts without touching what is on disk (a front matter block that
    /// was split again once its closing line was typed).
    void setPost(const PostFile &post) { m_post = post; }

    const PostFile &post() const { return m_post; }
    QString path() const { return m_path; }
    const QByteArray &diskBytes() const { return m_diskBytes; }
    /// The line endings of the file as last read or written.
    LineEnding lineEnding() const { return m_lineEnding; }

    /**
     * Writes `bytes` to `path` (empty: path()) atomically. When `path` is the post's own file,
     * it exists, and its bytes are not the base's, nothing is written and the outcome is a
     * Conflict, unless `overwriteConflict` (the writer has seen the difference). On success
     * the bytes become the base, split again.
     */
    SaveOutcome save(const QByteArray &bytes, const QString &path = {}, bool overwriteConflict = false);
    /// What is on disk when it is no longer the base (another program changed it); nullopt
    /// when it still is, or the file is gone, or the post has no file.
    std::optional<QByteArray> conflictingDiskBytes() const;
    /// Keeping our version over the disk's: what is on disk now becomes the base's bytes,
    /// so the next save writes our text without a conflict.
    void acceptDiskVersion();
    /// After something else wrote the post (Publish in place): `bytes` are on disk now.
    void setDiskBytes(const QByteArray &bytes);

    RenderWorker *renderer() const { return m_renderer; }
    /// Asks the worker to render `body`; returns the new revision.
    quint64 requestRender(const QString &body, const RenderOptions &options);
    quint64 revision() const { return m_revision; }

Q_SIGNALS:
    void opened(const frontmark::PostSession::Opened &post);
    void openFailed(const QString &path, const frontmark::Error &error);
    /// The file's bytes on disk are no longer the base's; `deleted` if it is gone.
    void changedOnDisk(bool deleted);
    /// A new base: `path` (empty for a post without a file) holds `bytes`.
    void baseChanged(const QString &path, const QByteArray &bytes);

private:
    void setBase(const PostFile &post, const QString &path, const QByteArray &bytes, LineEnding lineEnding);

    PostFile m_post;
    QString m_path;
    QByteArray m_diskBytes;
    LineEnding m_lineEnding = LineEnding::Lf;
    FileWatch *m_watch = nullptr;
    RenderWorker *m_renderer = nullptr;
    quint64 m_revision = 0;
    quint64 m_openTicket = 0;
    bool m_opening = false;
};

} // namespace frontmark

Q_DECLARE_METATYPE(frontmark::PostSession::Opened)
