#include "crashstates.h"

#include <QSet>

namespace passerelle::crashtest {

using namespace Qt::StringLiterals;

namespace {

/** True when sync (an fsync of one inode) makes op durable. */
bool covers(const FsOp &sync, const FsOp &op)
{
    switch (op.kind) {
    case FsOp::Kind::Write:
    case FsOp::Kind::Truncate:
        return sync.inode == op.inode;
    case FsOp::Kind::Link:
    case FsOp::Kind::Unlink:
        return sync.inode == op.dir;
    case FsOp::Kind::Rename:
        // One atomic operation; its new name is what readers look for.
        return sync.inode == op.toDir;
    case FsOp::Kind::Sync:
    case FsOp::Kind::SyncAll:
        return false;
    }
    return false;
}

/** Which of the operations that were not durable yet a state keeps. */
struct Variant
{
    QList<bool> keep; // by position in the pending list
    bool lostWritesAsZeros = false;
    QString name;
    bool broad = true; // one of the few states tried at every cut
};

/** At most limit positions of count: the last half of limit, the rest spread evenly before them. */
QList<qsizetype> spread(qsizetype count, qsizetype limit)
{
    QList<qsizetype> out;
    if (count <= limit) {
        for (qsizetype i = 0; i < count; ++i)
            out.append(i);
        return out;
    }
    const qsizetype tail = limit / 2, head = limit - tail, rest = count - tail;
    for (qsizetype i = 0; i < head; ++i)
        out.append(i * rest / head);
    for (qsizetype i = rest; i < count; ++i)
        out.append(i);
    return out;
}

QList<Variant> variantsAt(const QList<FsOp> &ops, const QList<int> &pending)
{
    const qsizetype p = pending.size();
    QList<Variant> variants;
    variants.append({QList<bool>(p, false), false, u"every unsynced operation lost"_s});
    variants.append({QList<bool>(p, false), true, u"every unsynced operation lost, file sizes kept (zeros)"_s});
    variants.append({QList<bool>(p, true), false, u"nothing lost"_s});
    QList<bool> namesOnly(p);
    for (qsizetype v = 0; v < p; ++v)
        namesOnly[v] = !ops[pending[v]].isData();
    variants.append({namesOnly, false, u"names kept, unsynced data lost"_s});
    variants.append({namesOnly, true, u"names and sizes kept, unsynced data lost (zeros)"_s});
    // One operation alone lost, alone kept, or the cut in program order just before it:
    // for long unsynced runs, the newest operations and a spread of the older ones.
    for (qsizetype v : spread(p, 16)) {
        const QString what = ops[pending[v]].text;
        QList<bool> allBut(p, true);
        allBut[v] = false;
        variants.append({allBut, false, u"lost only: "_s + what, false});
        if (ops[pending[v]].kind == FsOp::Kind::Write)
            variants.append({allBut, true, u"lost only the data of: "_s + what, false});
        QList<bool> only(p, false);
        only[v] = true;
        variants.append({only, false, u"kept only: "_s + what, false});
        if (v > 0) {
            QList<bool> prefix(p, false);
            for (qsizetype w = 0; w < v; ++w)
                prefix[w] = true;
            variants.append({prefix, false, u"kept the unsynced operations before: "_s + what, false});
        }
    }
    return variants;
}

struct Candidate
{
    int crashPoint;
    Variant variant;
    QList<int> pending;
};

} // namespace

CrashStateCount forEachCrashState(const FsRecord &record, int budget, const std::function<bool(const CrashState &)> &visit)
{
    const QList<FsOp> &ops = record.ops();
    const int n = int(ops.size());
    // durableAt[i]: the first sync after op i that makes it durable (n when none does).
    QList<int> durableAt(n, n);
    for (int i = 0; i < n; ++i) {
        if (ops[i].isSync())
            continue;
        for (int j = i + 1; j < n; ++j) {
            if (ops[j].kind == FsOp::Kind::SyncAll || (ops[j].kind == FsOp::Kind::Sync && covers(ops[j], ops[i]))) {
                durableAt[i] = j;
                break;
            }
        }
    }
    auto build = [&](const Candidate &c) {
        FsTree tree = record.initial();
        qsizetype v = 0;
        for (int i = 0; i < c.crashPoint; ++i) {
            if (ops[i].isSync())
                continue;
            if (v < c.pending.size() && c.pending[v] == i) {
                if (c.variant.keep[v])
                    tree.apply(ops[i]);
                else if (c.variant.lostWritesAsZeros)
                    tree.apply(ops[i], true);
                ++v;
            } else {
                tree.apply(ops[i]);
            }
        }
        return tree;
    };

    // Every distinct state first (trees are rebuilt when visited: they are cheap to replay).
    QSet<QByteArray> seen;
    QList<Candidate> candidates;
    for (int k = 0; k <= n; ++k) {
        QList<int> pending; // ran before the cut, not durable at it
        for (int i = 0; i < k; ++i) {
            if (!ops[i].isSync() && durableAt[i] >= k)
                pending.append(i);
        }
        for (Variant &variant : variantsAt(ops, pending)) {
            Candidate c{k, std::move(variant), pending};
            // The end is judged apart (the workload had finished): a state there counts even
            // when an earlier cut left the same tree.
            const QByteArray digest = record.digest(build(c)) + (k == n ? "end" : "");
            if (seen.contains(digest))
                continue;
            seen.insert(digest);
            candidates.append(std::move(c));
        }
    }

    // Within the budget: the end and the broad states, then single-operation ones spread evenly.
    QList<bool> chosen(candidates.size(), candidates.size() <= budget);
    if (candidates.size() > budget) {
        QList<qsizetype> must, optional;
        for (qsizetype i = 0; i < candidates.size(); ++i)
            (candidates[i].variant.broad || candidates[i].crashPoint == n ? must : optional).append(i);
        auto take = [&](const QList<qsizetype> &from, qsizetype count) {
            for (qsizetype j = 0; j < count && !from.isEmpty(); ++j)
                chosen[from[j * from.size() / count]] = true;
        };
        if (must.size() >= budget) {
            take(must, budget);
        } else {
            take(must, must.size());
            take(optional, std::min<qsizetype>(budget - must.size(), optional.size()));
        }
        for (qsizetype i = 0; i < candidates.size(); ++i)
            chosen[i] = chosen[i] || candidates[i].crashPoint == n;
    }

    CrashStateCount count{int(candidates.size()), 0};
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        if (!chosen[i])
            continue;
        const Candidate &c = candidates[i];
        CrashState state;
        state.crashPoint = c.crashPoint;
        state.tree = build(c);
        state.description = u"power cut after operation %1 of %2 (%3); %4"_s.arg(c.crashPoint).arg(n).arg(
            c.crashPoint > 0 ? ops[c.crashPoint - 1].text : u"before any"_s, c.variant.name);
        ++count.visited;
        if (!visit(state))
            break;
    }
    return count;
}

} // namespace passerelle::crashtest
