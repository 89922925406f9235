// SPDX-License-Identifier: GPL-3.0-or-later
#include "linediff.h"

#include <QByteArrayView>
#include <QHash>
#include <QStringView>

#include <algorithm>
#include <limits>
#include <utility>
#include <unordered_map>
#include <vector>

using namespace Qt::StringLiterals;

namespace frontmark::text {

namespace {

// Lines keep their "\n" (when they have one), so "x" at the end of a file without a final
// newline differs from "x\n", as it does for diff(1).
qsizetype indexOfNewline(QStringView text, qsizetype from) { return text.indexOf(u'\n', from); }
qsizetype indexOfNewline(QByteArrayView text, qsizetype from) { return text.indexOf('\n', from); }

template <typename View>
std::vector<View> splitLines(View text)
{
    std::vector<View> lines;
    qsizetype start = 0;
    while (start < text.size()) {
        const qsizetype nl = indexOfNewline(text, start);
        const qsizetype end = nl < 0 ? text.size() : nl + 1;
        lines.push_back(text.sliced(start, end - start));
        start = end;
    }
    return lines;
}

/**
 * Myers' O(ND) difference algorithm, linear-space variant (section 4.2 of the paper): find
 * the middle snake of the shortest edit script, recurse on both halves. Like diff(1) it
 * gives up on optimality when a split costs more than `tooExpensive` edits and takes the
 * furthest-reaching diagonal instead, which bounds the time for very different inputs.
 * Marks changed elements in `xChanged`/`yChanged`.
 */
class Myers
{
public:
    Myers(const std::vector<int> &x, const std::vector<int> &y, std::vector<char> &xChanged,
          std::vector<char> &yChanged)
        : m_x(x), m_y(y), m_xChanged(xChanged), m_yChanged(yChanged)
    {
        const qsizetype n = qsizetype(x.size());
        const qsizetype m = qsizetype(y.size());
        m_offset = m + 1;
        m_forward.assign(size_t(n + m + 3), 0);
        m_backward.assign(size_t(n + m + 3), 0);
        // About the square root of the input size, and at least 4096, as diff(1) uses.
        qsizetype expensive = 1;
        for (qsizetype diags = n + m + 3; diags != 0; diags >>= 2)
            expensive <<= 1;
        m_tooExpensive = std::max<qsizetype>(4096, expensive);
    }

    void run()
    {
        // An explicit stack: a long edit script would otherwise recurse deeply.
        struct Range { qsizetype xoff, xlim, yoff, ylim; bool minimal; };
        std::vector<Range> todo{{0, qsizetype(m_x.size()), 0, qsizetype(m_y.size()), false}};
        while (!todo.empty()) {
            Range r = todo.back();
            todo.pop_back();
            while (r.xoff < r.xlim && r.yoff < r.ylim && m_x[size_t(r.xoff)] == m_y[size_t(r.yoff)]) {
                ++r.xoff;
                ++r.yoff;
            }
            while (r.xlim > r.xoff && r.ylim > r.yoff && m_x[size_t(r.xlim - 1)] == m_y[size_t(r.ylim - 1)]) {
                --r.xlim;
                --r.ylim;
            }
            if (r.xoff == r.xlim) {
                for (qsizetype j = r.yoff; j < r.ylim; ++j)
                    m_yChanged[size_t(j)] = 1;
            } else if (r.yoff == r.ylim) {
                for (qsizetype i = r.xoff; i < r.xlim; ++i)
                    m_xChanged[size_t(i)] = 1;
            } else {
                const Split s = middleSnake(r.xoff, r.xlim, r.yoff, r.ylim, r.minimal);
                todo.push_back({s.xmid, r.xlim, s.ymid, r.ylim, s.hiMinimal});
                todo.push_back({r.xoff, s.xmid, r.yoff, s.ymid, s.loMinimal});
            }
        }
    }

private:
    struct Split {
        qsizetype xmid = 0;
        qsizetype ymid = 0;
        bool loMinimal = true;
        bool hiMinimal = true;
    };

    qsizetype &fd(qsizetype d) { return m_forward[size_t(d + m_offset)]; }
    qsizetype &bd(qsizetype d) { return m_backward[size_t(d + m_offset)]; }
    bool same(qsizetype x, qsizetype y) const { return m_x[size_t(x)] == m_y[size_t(y)]; }

    // Expects the first and the last elements of the two ranges to differ.
    Split middleSnake(qsizetype xoff, qsizetype xlim, qsizetype yoff, qsizetype ylim, bool minimal)
    {
        const qsizetype dmin = xoff - ylim;
        const qsizetype dmax = xlim - yoff;
        const qsizetype fmid = xoff - yoff;
        const qsizetype bmid = xlim - ylim;
        qsizetype fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid;
        const bool odd = ((fmid - bmid) & 1) != 0;
        constexpr qsizetype far = std::numeric_limits<qsizetype>::max();
        fd(fmid) = xoff;
        bd(bmid) = xlim;
        for (qsizetype cost = 1;; ++cost) {
            // One more edit forwards, on every diagonal in reach.
            if (fmin > dmin)
                fd(--fmin - 1) = -1;
            else
                ++fmin;
            if (fmax < dmax)
                fd(++fmax + 1) = -1;
            else
                --fmax;
            for (qsizetype d = fmax; d >= fmin; d -= 2) {
                const qsizetype lo = fd(d - 1);
                const qsizetype hi = fd(d + 1);
                qsizetype x = lo < hi ? hi : lo + 1;
                qsizetype y = x - d;
                while (x < xlim && y < ylim && same(x, y)) {
                    ++x;
                    ++y;
                }
                fd(d) = x;
                if (odd && bmin <= d && d <= bmax && bd(d) <= x)
                    return {x, y, true, true};
            }
            // And backwards.
            if (bmin > dmin)
                bd(--bmin - 1) = far;
            else
                ++bmin;
            if (bmax < dmax)
                bd(++bmax + 1) = far;
            else
                --bmax;
            for (qsizetype d = bmax; d >= bmin; d -= 2) {
                const qsizetype lo = bd(d - 1);
                const qsizetype hi = bd(d + 1);
                qsizetype x = lo < hi ? lo : hi - 1;
                qsizetype y = x - d;
                while (xoff < x && yoff < y && same(x - 1, y - 1)) {
                    --x;
                    --y;
                }
                bd(d) = x;
                if (!odd && fmin <= d && d <= fmax && x <= fd(d))
                    return {x, y, true, true};
            }
            if (minimal || cost < m_tooExpensive)
                continue;

            // Too expensive: split at whichever search got further.
            qsizetype fxyBest = -1, fxBest = 0;
            for (qsizetype d = fmax; d >= fmin; d -= 2) {
                qsizetype x = std::min(fd(d), xlim);
                qsizetype y = x - d;
                if (ylim < y) {
                    x = ylim + d;
                    y = ylim;
                }
                if (fxyBest < x + y) {
                    fxyBest = x + y;
                    fxBest = x;
                }
            }
            qsizetype bxyBest = far, bxBest = 0;
            for (qsizetype d = bmax; d >= bmin; d -= 2) {
                qsizetype x = std::max(xoff, bd(d));
                qsizetype y = x - d;
                if (y < yoff) {
                    x = yoff + d;
                    y = yoff;
                }
                if (x + y < bxyBest) {
                    bxyBest = x + y;
                    bxBest = x;
                }
            }
            if ((xlim + ylim) - bxyBest < fxyBest - (xoff + yoff))
                return {fxBest, fxyBest - fxBest, true, false};
            return {bxBest, bxyBest - bxBest, false, true};
        }
    }

    const std::vector<int> &m_x;
    const std::vector<int> &m_y;
    std::vector<char> &m_xChanged;
    std::vector<char> &m_yChanged;
    std::vector<qsizetype> m_forward;
    std::vector<qsizetype> m_backward;
    qsizetype m_offset = 0;
    qsizetype m_tooExpensive = 4096;
};

// Changed flags with a zero on either side, so runs can be scanned without bounds checks.
class Flags
{
public:
    explicit Flags(qsizetype n) : m_v(size_t(n + 2), 0) {}
    char &operator[](qsizetype i) { return m_v[size_t(i + 1)]; }

private:
    std::vector<char> m_v;
};

// Slides each run of changed lines over equal neighbours so that runs merge where they can,
// end as late as possible otherwise, and line up with a change in the other file when one
// is adjacent: the hunks diff(1) prints for "a\nb\na\n" → "a\n" are then ours as well.
void shiftBoundaries(const std::vector<int> &ids, Flags &changed, Flags &otherChanged)
{
    const qsizetype n = qsizetype(ids.size());
    qsizetype i = 0;
    qsizetype j = 0;
    for (;;) {
        while (i < n && !changed[i]) {
            while (otherChanged[j])
                ++j;
            ++j;
            ++i;
        }
        if (i == n)
            return;
        qsizetype start = i;
        while (changed[++i]) {
        }
        while (otherChanged[j])
            ++j;
        qsizetype corresponding = n;
        qsizetype runLength = 0;
        do {
            runLength = i - start;
            while (start > 0 && ids[size_t(start - 1)] == ids[size_t(i - 1)]) {
                changed[--start] = 1;
                changed[--i] = 0;
                while (changed[start - 1])
                    --start;
                --j;
                while (otherChanged[j])
                    --j;
            }
            corresponding = otherChanged[j - 1] ? i : n;
            while (i != n && ids[size_t(start)] == ids[size_t(i)]) {
                changed[start++] = 0;
                changed[i++] = 1;
                while (changed[i])
                    ++i;
                ++j;
                while (otherChanged[j]) {
                    corresponding = i;
                    ++j;
                }
            }
        } while (runLength != i - start);
        while (corresponding < i) {
            changed[--start] = 1;
            changed[--i] = 0;
            --j;
            while (otherChanged[j])
                --j;
        }
    }
}

struct Changes {
    std::vector<char> before; // one flag per line of `before`: removed
    std::vector<char> after;  // one flag per line of `after`: added
};

template <typename View>
Changes computeChanges(const std::vector<View> &a, const std::vector<View> &b, qsizetype horizon)
{
    const qsizetype na = qsizetype(a.size());
    const qsizetype nb = qsizetype(b.size());
    Changes out{std::vector<char>(size_t(na), 0), std::vector<char>(size_t(nb), 0)};

    // Common head and tail cost one comparison per line. Keep `horizon` of them in play so a
    // change can still slide into them the way diff(1) slides it.
    qsizetype head = 0;
    while (head < na && head < nb && a[size_t(head)] == b[size_t(head)])
        ++head;
    qsizetype tail = 0;
    while (tail < na - head && tail < nb - head && a[size_t(na - 1 - tail)] == b[size_t(nb - 1 - tail)])
        ++tail;
    if (head == na && head == nb)
        return out;
    const qsizetype skipHead = std::max<qsizetype>(0, head - horizon);
    const qsizetype skipTail = std::max<qsizetype>(0, tail - horizon);
    const qsizetype n = na - skipHead - skipTail;
    const qsizetype m = nb - skipHead - skipTail;

    // Equal lines get equal numbers.
    // (std::unordered_map: GCC 12's -Wnull-dereference misreads QHash's inlined lookup at -O2.)
    struct Hash {
        size_t operator()(View v) const noexcept { return size_t(qHash(v)); }
    };
    std::unordered_map<View, int, Hash> numbers;
    numbers.reserve(size_t(n + m));
    auto number = [&numbers](View line) {
        return numbers.try_emplace(line, int(numbers.size())).first->second;
    };
    std::vector<int> xa(static_cast<size_t>(n)), xb(static_cast<size_t>(m));
    for (qsizetype i = 0; i < n; ++i)
        xa[size_t(i)] = number(a[size_t(skipHead + i)]);
    for (qsizetype j = 0; j < m; ++j)
        xb[size_t(j)] = number(b[size_t(skipHead + j)]);

    // A line with no equal on the other side is changed whatever the alignment; leaving such
    // lines out makes very different texts cheap to compare.
    std::vector<int> inA(size_t(numbers.size()), 0), inB(size_t(numbers.size()), 0);
    for (int id : xa)
        inA[size_t(id)] = 1;
    for (int id : xb)
        inB[size_t(id)] = 1;
    Flags ca(n), cb(m);
    std::vector<int> keptA, keptB;
    std::vector<qsizetype> indexA, indexB;
    for (qsizetype i = 0; i < n; ++i) {
        if (inB[size_t(xa[size_t(i)])]) {
            keptA.push_back(xa[size_t(i)]);
            indexA.push_back(i);
        } else {
            ca[i] = 1;
        }
    }
    for (qsizetype j = 0; j < m; ++j) {
        if (inA[size_t(xb[size_t(j)])]) {
            keptB.push_back(xb[size_t(j)]);
            indexB.push_back(j);
        } else {
            cb[j] = 1;
        }
    }
    std::vector<char> keptChangedA(keptA.size(), 0), keptChangedB(keptB.size(), 0);
    Myers(keptA, keptB, keptChangedA, keptChangedB).run();
    for (size_t k = 0; k < keptA.size(); ++k) {
        if (keptChangedA[k])
            ca[indexA[k]] = 1;
    }
    for (size_t k = 0; k < keptB.size(); ++k) {
        if (keptChangedB[k])
            cb[indexB[k]] = 1;
    }

    shiftBoundaries(xa, ca, cb);
    shiftBoundaries(xb, cb, ca);
    for (qsizetype i = 0; i < n; ++i)
        out.before[size_t(skipHead + i)] = ca[i];
    for (qsizetype j = 0; j < m; ++j)
        out.after[size_t(skipHead + j)] = cb[j];
    return out;
}

// A run of removed lines of `before` and added lines of `after`, at the same place.
struct Group {
    qsizetype before = 0; // first changed line (0-based) or insertion point
    qsizetype removed = 0;
    qsizetype after = 0;
    qsizetype added = 0;
};

std::vector<Group> groupsOf(const Changes &c)
{
    std::vector<Group> groups;
    const qsizetype na = qsizetype(c.before.size());
    const qsizetype nb = qsizetype(c.after.size());
    qsizetype i = 0, j = 0;
    while (i < na || j < nb) {
        if ((i < na && c.before[size_t(i)]) || (j < nb && c.after[size_t(j)])) {
            Group g{i, 0, j, 0};
            while (i < na && c.before[size_t(i)]) {
                ++i;
                ++g.removed;
            }
            while (j < nb && c.after[size_t(j)]) {
                ++j;
                ++g.added;
            }
            groups.push_back(g);
        } else {
            ++i;
            ++j;
        }
    }
    return groups;
}

// "@@ -l,s" numbers as diff(1) prints them: "l" alone for one line, "l-1,0" for none.
QByteArray rangeText(qsizetype start, qsizetype count)
{
    if (count == 0)
        return QByteArray::number(start) + ",0";
    if (count == 1)
        return QByteArray::number(start + 1);
    return QByteArray::number(start + 1) + ',' + QByteArray::number(count);
}

void appendLine(QByteArray &out, char marker, QByteArrayView line)
{
    out += marker;
    out += line;
    if (!line.endsWith('\n'))
        out += "\n\\ No newline at end of file\n";
}

} // namespace

QList<DiffLine> diffLines(const QString &before, const QString &after)
{
    const std::vector<QStringView> a = splitLines(QStringView(before));
    const std::vector<QStringView> b = splitLines(QStringView(after));
    const Changes c = computeChanges(a, b, 3);
    auto textOf = [](QStringView line) {
        return (line.endsWith(u'\n') ? line.chopped(1) : line).toString();
    };
    QList<DiffLine> out;
    out.reserve(qsizetype(std::max(a.size(), b.size())));
    size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
        if (i < a.size() && c.before[i]) {
            out.append({DiffLine::Kind::Removed, textOf(a[i]), int(i + 1), 0});
            ++i;
        } else if (j < b.size() && c.after[j]) {
            out.append({DiffLine::Kind::Added, textOf(b[j]), 0, int(j + 1)});
            ++j;
        } else {
            out.append({DiffLine::Kind::Same, textOf(a[i]), int(i + 1), int(j + 1)});
            ++i;
            ++j;
        }
    }
    return out;
}

QString unifiedDiff(const QByteArray &before, const QByteArray &after, const QString &beforeName,
                    const QString &afterName, int context)
{
    if (before == after)
        return {};
    context = std::max(context, 0);
    const std::vector<QByteArrayView> a = splitLines(QByteArrayView(before));
    const std::vector<QByteArrayView> b = splitLines(QByteArrayView(after));
    const std::vector<Group> groups = groupsOf(computeChanges(a, b, context));

    QByteArray out = "--- " + beforeName.toUtf8() + "\n+++ " + afterName.toUtf8() + '\n';
    const qsizetype na = qsizetype(a.size());
    const qsizetype nb = qsizetype(b.size());
    size_t g = 0;
    while (g < groups.size()) {
        // Changes closer than 2 * context + 1 unchanged lines share a hunk (diff's find_hunk).
        size_t last = g;
        while (last + 1 < groups.size()
               && groups[last + 1].before - (groups[last].before + groups[last].removed) <= 2 * qsizetype(context))
            ++last;
        const Group &first = groups[g];
        const Group &end = groups[last];
        const qsizetype lead = std::min<qsizetype>(context, first.before);
        const qsizetype aStart = first.before - lead;
        const qsizetype bStart = first.after - lead;
        const qsizetype aEnd = std::min<qsizetype>(na, end.before + end.removed + context);
        const qsizetype bEnd = std::min<qsizetype>(nb, end.after + end.added + context);
        out += "@@ -" + rangeText(aStart, aEnd - aStart) + " +" + rangeText(bStart, bEnd - bStart) + " @@\n";

        qsizetype i = aStart;
        qsizetype j = bStart;
        for (size_t k = g; k <= last; ++k) {
            const Group &grp = groups[k];
            for (; i < grp.before; ++i, ++j)
                appendLine(out, ' ', a[size_t(i)]);
            for (qsizetype r = 0; r < grp.removed; ++r)
                appendLine(out, '-', a[size_t(i++)]);
            for (qsizetype r = 0; r < grp.added; ++r)
                appendLine(out, '+', b[size_t(j++)]);
        }
        for (; i < aEnd; ++i)
            appendLine(out, ' ', a[size_t(i)]);
        g = last + 1;
    }
    return QString::fromUtf8(out);
}

} // namespace frontmark::text
