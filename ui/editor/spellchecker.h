// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QStringList>
#include <QStringView>

#include <memory>
#include <optional>
#include <string>

class Hunspell;

namespace frontmark {

/// A word in a line: `start` and `length` in UTF-16 units of that line.
struct WordRange {
    qsizetype start = 0;
    qsizetype length = 0;

    qsizetype end() const { return start + length; }
    bool operator==(const WordRange &) const = default;
};

/**
 * What the lines above tell about a line of a post body, as far as spell checking needs it.
 * The highlighter keeps it in its block state; nextSpellContext() carries it down the body.
 */
struct SpellContext {
    bool inFence = false;        // inside a fenced code block (the highlighter tracks fences)
    bool afterParagraph = false; // the line above is paragraph text: indentation is no code block
    int listIndent = 0;          // content column of the list item this line may belong to; 0 = none

    bool operator==(const SpellContext &) const = default;
};

/// The context for the line after `line` (not for fences: the caller sets inFence).
SpellContext nextSpellContext(QStringView line, SpellContext context);

/**
 * The Latin-script words of one line of Markdown that spell checking looks at, in order.
 * Everything else is left out: code (fenced: `context.inFence`; indented; `code spans`),
 * URLs (autolinks, link and image destinations, reference labels and definitions, bare
 * http://, www. and mailto: URLs), e-mail addresses, Hugo shortcodes with their arguments,
 * HTML tags, comments and entities, heading attributes ({#id}), TeX math ($$…$$, $…$ by
 * pandoc's rule, \commands with their {arguments}), CJK (Han, Hiragana,
 * Katakana, Hangul, Bopomofo, fullwidth forms) and other non-Latin scripts, tokens that hold
 * a digit, "_", ".", "/" or "@" between letters (names, versions, paths), ALL-CAPS
 * abbreviations, words with an internal capital (camelCase, iPhone) and single letters.
 * Link text and image alt text are prose and are returned. An apostrophe (' or ’) between
 * letters belongs to the word ("don't"); a hyphen splits it ("well-known" is two words).
 * Latin next to CJK is a word of its own ("我用Hugo寫作" returns "Hugo"): writers mix English
 * terms into CJK text without spaces, and those deserve a check too.
 *
 * `from` > 0 starts after a shortcode or comment that an earlier line opened: inline text
 * only, no block syntax. Linear in the line's length. Pure; any thread.
 */
QList<WordRange> checkableWords(QStringView line, SpellContext context = {}, qsizetype from = 0);

/**
 * Spell checks words with Hunspell: finds the installed dictionaries (*.aff + *.dic in
 * $DICPATH and the "hunspell" and "myspell" folders of the XDG data dirs, e.g.
 * /usr/share/hunspell), picks one for a post's language, answers isCorrect() from a per-word
 * cache and gives suggestions. Words the writer adds go to a personal list, words.txt in
 * QStandardPaths::AppDataLocation (one per line, UTF-8, written atomically), and apply to
 * every dictionary (the list is read when the checker is created); ignored words last for
 * the session.
 *
 * Without a dictionary (none installed, none for the language, or one in an encoding Qt lacks)
 * the checker is inactive: isActive() is false, isCorrect() is always true, suggestions()
 * empty. Hunspell works in the dictionary's encoding (its SET line); words that encoding
 * cannot represent are misspelled and get no suggestions. Thread: GUI thread only (a
 * Hunspell handle is not thread-safe). Owns its Hunspell handle.
 */
class SpellChecker : public QObject
{
    Q_OBJECT
public:
    explicit SpellChecker(QObject *parent = nullptr);
    ~SpellChecker() override;

    /// Folders searched for dictionaries, first match wins. Default: see the class comment.
    QStringList searchPaths() const { return m_searchPaths; }
    void setSearchPaths(const QStringList &paths) { m_searchPaths = paths; }

    /// Names of the installed dictionaries ("en_US", "de_DE_frami"), sorted.
    QStringList availableDictionaries() const { return findDictionaries().keys(); }
    /// The dictionary for a language code ("en-us", "en", "en_GB", "zh-tw", "fr"), or empty if
    /// none fits. An empty code is Hugo's default content language, English. Chinese, Japanese
    /// and Korean posts get English: Hunspell has nothing for CJK, whose runs are never checked,
    /// but writers mix English terms into them. Among the dictionaries of the language: the
    /// requested region, then the usual one (en_US, fr_FR, de_DE, …), then one without a region,
    /// then any other region ("en-gb" falls back to en_US rather than to nothing); the shortest
    /// name first (de_DE before de_DE_frami).
    QString dictionaryFor(const QString &languageCode) const;

    /// Loads dictionaryFor(languageCode) now, on this thread, keeping the loaded one if it is
    /// the same. Returns the dictionary now in use, empty if none (and the checker is inactive).
    QString setLanguage(const QString &languageCode);
    /// As setLanguage(), but the dictionary is read on the thread pool (an English one takes
    /// some 50 ms): the checker stays inactive until it is in use, then says changed().
    /// Returns the dictionary chosen, empty if none.
    QString loadLanguage(const QString &languageCode);
    /// The dictionary in use or being loaded ("en_US"), empty if none.
    QString dictionary() const { return m_dictionary; }
    bool isActive() const { return m_hunspell != nullptr; }

    /// True for a correct, added or ignored word, and for any word while inactive.
    bool isCorrect(const QString &word);
    /// Hunspell's suggestions, best first, at most `limit`.
    QStringList suggestions(const QString &word, int limit = 6) const;

    /// Adds `word` to the personal list and saves it; Error (Kind::Io) if the file cannot
    /// be written, though the word is accepted for this session either way.
    Status add(const QString &word);
    /// Accepts `word` until the application quits.
    void ignore(const QString &word);
    /// The personal word list as loaded and added to.
    QStringList personalWords() const { return m_personal; }
    /// Where the personal word list lives.
    static QString personalWordsPath();

Q_SIGNALS:
    /// What isCorrect() answers changed: another dictionary, an added or ignored word.
    void changed();

private:
    QMap<QString, QString> findDictionaries() const;
    // Forgets the dictionary in use; the language to load instead (empty: none), or null if
    // `name` is already in use or on its way.
    std::optional<QString> switchTo(const QString &name);
    void install(quint64 load, const QString &name, std::shared_ptr<Hunspell> hunspell);
    bool addToHunspell(const QString &word);
    std::optional<std::string> encode(const QString &word) const;

    QStringList m_searchPaths;
    QString m_dictionary;
    std::shared_ptr<Hunspell> m_hunspell;
    quint64 m_loads = 0; // a load that is not the newest is dropped
    mutable QStringEncoder m_encoder; // to and from the dictionary's encoding
    mutable QStringDecoder m_decoder;
    QHash<QString, bool> m_cache;
    QSet<QString> m_ignored;
    QStringList m_personal;
};

} // namespace frontmark
