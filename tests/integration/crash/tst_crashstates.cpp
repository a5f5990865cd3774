// Power cuts (SYNC.md test 7, issue 15 item 7), in the style of ALICE and CrashMonkey:
// the real programs run a workload on a state directory under an LD_PRELOAD shim
// (fstrace.c) that records every change they make there and every fsync; from that record
// crashstates.cpp builds the trees a power cut could leave, and each tree is started on
// by the kiosk's start path (kioskstart.cpp). Every state must show the old pack or the
// new one, complete: its manifest one of the known ones, every object there with its
// SHA-256, the database passing integrity_check. Never nothing, never a mix. Once the
// workload has finished (the program returned), only the new pack will do; and whenever
// the new pack is active, `previous` names the old one, complete.
//
// The workloads, each starting from the real tree the previous one left (taken as durable):
//   firstStart  the kiosk's first start on an empty state directory: it installs the
//               bundled pack (v1) and shows it. Old = new = v1.
//   usbSync     passerelle-sync --once --activate from a folder (a USB stick): v2 over v1.
//   activation  PackStore::activate alone switching to a staged v2 (passerelle-sync writes
//               status.json in the same folder right after a switch, which would hide a
//               missing fsync of the switch itself).
//   garbage     the same with v3 over v2, whose garbage collection removes v1 and its
//               objects.
//
// The crash model: conservative, ext4-like (data=ordered, but assuming nothing ext4's
// journal happens to give beyond what fsync promises):
//   - a power cut can come after any recorded operation;
//   - an operation is durable once a later fsync/fdatasync covers it: a write or truncate
//     by an fsync of its file; a creation, link, removal (of a file, folder or symlink) by
//     an fsync of the folder that holds the name; a rename by an fsync of the folder it
//     moves into (a rename is atomic: it is all there or not at all); sync/syncfs covers
//     everything. An fsync of a new file does not make its name durable;
//   - operations that were not durable may each be lost or kept, in any combination; the
//     states tried at each cut: all lost; all lost but file sizes kept (the data never
//     written: zeros, ext4's zero-length or zero-filled files after a rename without
//     fsync); all kept (what SIGKILL leaves); names kept but data lost (with and without
//     sizes); each one alone lost (a write also as zeros); each one alone kept; and each
//     prefix in program order;
//   - states that hold the same names and bytes are tried once.
//
// The check after each cut (kioskstart.cpp) is the kiosk's real start path:
// choosePackAtStart (kiosk/app/packstartup.h) in kiosk mode, with recovery, the first-pack
// install into an empty store, and verification (signature against the workspace key,
// database hash, schema). A cut must cost no fallback: the pack shown is the store's
// `current` as recovery left it, verified at the first try (a fallback to `previous` or to
// the bundled tree is a fault the kiosk reports, so after a mere power cut it is a
// failure here), and its packs/<v>/objects link leads to the store's objects.
//
// Mutation proof (tests/integration/crash/mutation-proof.sh): CRASH_SKIP_FSYNC makes the
// shim turn chosen fsync call sites into no-ops; with each site of the store's and the
// first pack's write paths removed in turn, this test must fail. CRASH_SITES_FILE makes the
// test list the sites it saw. The first pack is installed through PackStore::installTree,
// so its sites are the store's. Results on 2026-12-07 (default build, after objects/ is
// fsynced once per pack in stage()):
//   proven, each alone: ObjectWriter::commit's fsync of the object's data; PackStore::
//   stage's one fsync of objects/ (the batched one, before the manifest is staged);
//   PackStore::activate's folder fsync after switching `previous` and after `current`.
//   stage's writeFileDurably of manifest.json and of manifest.json.minisig (each site is
//   the call: the file's data fsync and the staging folder's fsync together; the
//   signature's is proven now that the start path verifies signatures: without it a cut
//   leaves a torn .minisig and `current` fails signature_invalid), stage's fsync of
//   packs/ after the rename.
//   The first pack's path (firstStart, via installTree) is where the first failure of the
//   object data fsync, the batched objects/ fsync, the manifest's, packs/' and `current`'s
//   mutants shows; `previous`'s and the signature's first fail in usbSync (the bundled
//   manifest is trusted as installed by the package, so its signature is not needed).
//   not proven: garbage collection's two folder fsyncs (a removal that comes back is
//   collected again); status.json's (SyncStatus::write: not what is shown); the version
//   floor's (VersionFloor::raise, the highest version seen: this test does not check the
//   rollback floor after a cut; a lost raise falls back to `current`'s version). The script
//   exits 1 for the garbage collection sites (packstore.cpp).
#include "crashstates.h"
#include "fsrecord.h"
#include "fsyncsites.h"
#include "kioskstart.h"
#include "packstore.h"
#include "sha256.h"
#include "workspace.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTest>

using namespace passerelle;
using namespace passerelle::crashtest;
using namespace passerelle::synctest;
using namespace Qt::StringLiterals;

class TestCrashStates : public QObject
{
    Q_OBJECT

private:
    // Bounds the run (about 50 ms a start): a first start alone has thousands of states.
    static constexpr int kStatesPerWorkload = 700;

    std::unique_ptr<Workspace> m_ws;
    QString m_state, m_bundled, m_scratch;
    QMap<qint64, QString> m_sticks;
    QMap<qint64, PackManifest> m_manifests;
    QList<QByteArray> m_fsyncStacks;
    int m_totalStates = 0;

    /** Runs program under the shim on the state directory; the record, checked against the real tree. */
    bool recordWorkload(const QString &name, const QString &program, const QStringList &args, FsRecord *record)
    {
        QString error;
        if (!record->scan(m_state, &error)) {
            qWarning().noquote() << error;
            return false;
        }
        const QString trace = m_ws->path(u"trace-"_s + name);
        QFile::remove(trace);
        QFile::remove(trace + u".data"_s);
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"LD_PRELOAD"_s, QStringLiteral(CRASH_SHIM));
        env.insert(u"CRASH_ROOT"_s, QDir(m_state).canonicalPath());
        env.insert(u"CRASH_TRACE"_s, trace);
        process.setProcessEnvironment(env);
        process.start(program, args);
        if (!process.waitForFinished(120000) || process.exitCode() != 0) {
            qWarning().noquote() << name << "failed:" << process.readAllStandardError();
            return false;
        }
        if (!record->load(trace, &error)) {
            qWarning().noquote() << error;
            return false;
        }
        // The record must be complete: replayed in full, it gives the tree on disk.
        if (const QString difference = record->difference(record->replayAll(), m_state); !difference.isEmpty()) {
            qWarning().noquote() << "the record of" << name << "misses something:" << difference;
            return false;
        }
        int syncs = 0;
        for (const FsOp &op : record->ops()) {
            if (op.kind == FsOp::Kind::Sync) {
                m_fsyncStacks.append(op.stack);
                ++syncs;
            }
        }
        qInfo("%s: %lld operations recorded, %d of them fsyncs", qPrintable(name), qint64(record->ops().size()), syncs);
        return true;
    }

    /** Why a pack as found is not the published version: empty when it is, complete. */
    QString incomplete(const PackManifest &found, const QString &objectsDir, bool hashObjects) const
    {
        const PackManifest &expected = m_manifests.value(found.version);
        if (found.serialize() != expected.serialize())
            return u"the manifest of version %1 is not the one published (a mix)"_s.arg(found.version);
        for (const PackObject &object : expected.objects) {
            const QString path = QDir(objectsDir).filePath(object.sha256);
            const bool good = hashObjects ? sha256HexOfFile(path) == object.sha256 : QFileInfo(path).size() == object.size;
            if (!good)
                return u"version %1 is incomplete: object %2 (%3) is missing or damaged"_s.arg(found.version).arg(
                    object.sha256.left(12), object.role);
        }
        return {};
    }

    /**
     * Why what the kiosk shows after starting on stateDir is wrong; empty when it is one of
     * allowed (the old version first), complete. Once the new version is active, `previous`
     * must name the old one, complete too: it is what the store falls back on.
     */
    QString judge(const KioskStart &start, const QString &stateDir, const QList<qint64> &allowed, qint64 required) const
    {
        if (!start.pack)
            return u"the kiosk shows nothing: "_s + start.problem;
        // A cut must cost no fallback: recovery (PackStore::open) switches a `current` that
        // does not open back to `previous`, and a fallback is a fault the kiosk reports
        // (staff screen, passerelle_pack_fallback). So the pack shown is the store's
        // `current` as recovery left it, verified (signature, database hash, schema) at the
        // first try; never `previous` behind a damaged `current`, never the bundled tree.
        if (start.chosen.origin != StartPack::Origin::Current || !start.chosen.fallbacks.isEmpty())
            return u"the kiosk fell back (origin %1): "_s.arg(int(start.chosen.origin)) + start.problem;
        const PackManifest &shown = start.pack->manifest();
        if (!allowed.contains(shown.version))
            return u"the kiosk shows version %1"_s.arg(shown.version);
        if (required != 0 && shown.version != required)
            return u"the workload had finished, yet the kiosk shows version %1, not %2"_s.arg(shown.version).arg(required);
        if (const QString problem = incomplete(shown, start.objectsDir, true); !problem.isEmpty())
            return u"shown: "_s + problem;
        // packs/<v> is a pack tree too (`passerelle --pack <state>/current`): its objects link.
        const QString link = start.chosen.packDir + u"/objects"_s;
        if (QFileInfo(link).canonicalFilePath() != QFileInfo(stateDir + u"/objects"_s).canonicalFilePath())
            return u"the shown pack %1 has no objects link to the store's objects"_s.arg(start.chosen.packDir);
        if (std::optional<Problem> problem = sync::checkPackDatabase(start.pack->database().path()))
            return problem->toString();
        const qint64 old = allowed.first();
        if (shown.version != old) {
            const QString previous = QFile::symLinkTarget(stateDir + u"/previous"_s);
            if (sync::versionOfPackLink(previous.section(u'/', -2)) != old)
                return u"version %1 is active but `previous` does not name version %2"_s.arg(shown.version).arg(old);
            const PackManifest kept = Workspace::manifest(previous);
            if (const QString problem = incomplete(kept, start.objectsDir, false); !problem.isEmpty())
                return u"`previous`: "_s + problem;
        }
        return {};
    }

    /** Starts the kiosk on every crash state of the record; the failures, at most a few described. */
    void checkCrashStates(const FsRecord &record, const QList<qint64> &allowed, qint64 acknowledged, int *states,
                          QStringList *failures)
    {
        int failed = 0;
        QElapsedTimer timer;
        timer.start();
        const CrashStateCount count = forEachCrashState(record, kStatesPerWorkload, [&](const CrashState &state) {
            const QString dir = m_scratch + u"/state"_s;
            QDir(dir).removeRecursively();
            QString error;
            if (!record.materialise(state.tree, dir, &error)) {
                failures->append(error);
                return false;
            }
            const bool finished = state.crashPoint == record.ops().size();
            const QString failure =
                judge(startKiosk(dir, m_bundled, {m_ws->publicKeyFile()}), dir, allowed, finished ? acknowledged : 0);
            if (!failure.isEmpty() && ++failed <= 5)
                failures->append(state.description + u":\n    "_s + failure);
            // A mutation run (mutation-proof.sh) needs one failure, not all of them.
            return failed == 0 || !qEnvironmentVariableIsSet("CRASH_SKIP_FSYNC");
        });
        QDir(m_scratch + u"/state"_s).removeRecursively();
        if (failed > 5)
            failures->append(u"... and %1 more"_s.arg(failed - 5));
        *states = count.visited;
        qInfo("%d distinct crash states, %d of them started on in %lld ms, %d wrong", count.distinct, count.visited,
              timer.elapsed(), failed);
        m_totalStates += *states;
    }

    QStringList firstStartArgs() const { return {u"first-start"_s, m_state, m_bundled, m_ws->publicKeyFile()}; }

    QStringList syncArgs(const QString &stick) const
    {
        return {u"--store"_s, m_state, u"--source"_s, stick, u"--key"_s, m_ws->publicKeyFile(),
                u"--once"_s,  u"--activate"_s, u"--reserve-mb"_s, u"0"_s};
    }

    /** A fresh state directory brought to a version by the same programs, unrecorded (-1: as it is). */
    bool prepareState(qint64 version)
    {
        if (version < 0)
            return true;
        QDir(m_state).removeRecursively();
        if (!QDir().mkpath(m_state))
            return false;
        if (version == 0)
            return true;
        if (QProcess::execute(QStringLiteral(CRASH_WORKLOAD), firstStartArgs()) != 0)
            return false;
        for (qint64 v = 2; v <= version; ++v) {
            if (QProcess::execute(syncTool(), syncArgs(m_sticks.value(v))) != 0)
                return false;
        }
        return sync::versionOfPackLink(QFile::symLinkTarget(m_state + u"/current"_s).section(u'/', -2)) == version;
    }

    /** Records the workload from the state `from`, then starts the kiosk on each of its crash states. */
    void crashTest(const QString &name, qint64 from, const QString &program, const QStringList &args,
                   const QList<qint64> &allowed, qint64 acknowledged)
    {
        QVERIFY(prepareState(from));
        FsRecord record;
        QVERIFY(recordWorkload(name, program, args, &record));
        int states = 0;
        QStringList failures;
        checkCrashStates(record, allowed, acknowledged, &states, &failures);
        for (const QString &failure : std::as_const(failures))
            qWarning().noquote() << failure;
        QVERIFY2(failures.isEmpty(), "the kiosk did not start right on some crash states (above)");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // Thousands of starts: their "opened pack" lines would drown the report.
        QLoggingCategory::setFilterRules(u"passerelle.*.info=false"_s);
        m_ws = std::make_unique<Workspace>();
        const QString v1 = m_ws->buildPack(u"v1"_s, Workspace::options(1, 4));
        // New objects in each version: each is a receive, a rename and their fsyncs to cut through.
        Workspace::PackOptions o2 = Workspace::options(2, 40, u"Nouvelle règle."_s);
        o2.pictogramPadding = 8000;
        const QString v2 = m_ws->buildPack(u"v2"_s, o2);
        const QString v3 = m_ws->buildPack(u"v3"_s, Workspace::options(3, 30, u"Règle plus récente."_s));
        QVERIFY(!v1.isEmpty() && !v2.isEmpty() && !v3.isEmpty());
        for (const QString &pack : {v1, v2, v3}) {
            const PackManifest m = Workspace::manifest(pack);
            m_manifests.insert(m.version, m);
        }
        m_bundled = m_ws->path(u"bundled"_s);
        QVERIFY(Workspace::publish(v1, m_bundled));
        // A USB stick's pack folder per version.
        m_sticks.insert(2, m_ws->path(u"stick-v2/passerelle"_s));
        m_sticks.insert(3, m_ws->path(u"stick-v3/passerelle"_s));
        QVERIFY(Workspace::publish(v2, m_sticks[2]));
        QVERIFY(Workspace::publish(v3, m_sticks[3]));
        m_state = m_ws->path(u"state"_s);
        // States are many small trees written and removed: memory is the place for them.
        m_scratch = QDir(u"/dev/shm"_s).exists() ? u"/dev/shm/passerelle-crash-%1"_s.arg(QCoreApplication::applicationPid())
                                                 : m_ws->path(u"scratch"_s);
        QVERIFY(QDir().mkpath(m_scratch));
    }

    /** The kiosk's first start on an empty state directory installs the bundled pack (v1). */
    void firstStart()
    {
        // Through choosePackAtStart: PackStore::installTree (lock, ObjectWriter, fsyncs).
        crashTest(u"first start"_s, 0, QStringLiteral(CRASH_WORKLOAD), firstStartArgs(), {1}, 1);
    }

    /** passerelle-sync from a USB stick's folder: v2 over v1, switched to. */
    void usbSync() { crashTest(u"USB sync v1 -> v2"_s, 1, syncTool(), syncArgs(m_sticks[2]), {1, 2}, 2); }

    /**
     * PackStore::activate alone, on a store where passerelle-sync staged v2 without switching:
     * nothing written after the switch covers it (passerelle-sync writes status.json next).
     */
    void activation()
    {
        QVERIFY(prepareState(1));
        QCOMPARE(QProcess::execute(syncTool(), syncArgs(m_sticks[2]).mid(0, 7) + QStringList{u"--reserve-mb"_s, u"0"_s}), 0);
        QVERIFY(QFileInfo(m_state + u"/packs/2/manifest.json"_s).isFile());
        crashTest(u"activation of a staged v2"_s, -1, QStringLiteral(CRASH_WORKLOAD), {u"activate"_s, m_state}, {1, 2}, 2);
    }

    /** The same, v3 over v2; its garbage collection removes v1 and the objects only v1 had. */
    void garbageCollection()
    {
        crashTest(u"USB sync v2 -> v3, garbage collection"_s, 2, syncTool(), syncArgs(m_sticks[3]), {2, 3}, 3);
        QVERIFY2(!QFileInfo::exists(m_state + u"/packs/1"_s), "garbage collection did not remove version 1");
    }

    /** Run after the three workloads (alone, it has nothing to count). */
    void atLeastAThousandStates()
    {
        QVERIFY2(m_totalStates >= 1000, qPrintable(u"only %1 crash states"_s.arg(m_totalStates)));
    }

    void cleanupTestCase()
    {
        if (m_scratch.startsWith(u"/dev/shm/"_s))
            QDir(m_scratch).removeRecursively();
        qInfo("%d crash states in all", m_totalStates);
        const QString sitesFile = qEnvironmentVariable("CRASH_SITES_FILE");
        if (sitesFile.isEmpty())
            return;
        const QMap<QString, QString> executables{
            {QFileInfo(syncTool()).fileName(), syncTool()},
            {QFileInfo(QStringLiteral(CRASH_WORKLOAD)).fileName(), QStringLiteral(CRASH_WORKLOAD)}};
        QSaveFile out(sitesFile);
        QVERIFY(out.open(QIODevice::WriteOnly));
        for (const FsyncSite &site : fsyncSites(m_fsyncStacks, executables))
            out.write((site.label + u'\t' + site.prefixes.join(u';') + u'\n').toUtf8());
        QVERIFY(out.commit());
    }
};

QTEST_GUILESS_MAIN(TestCrashStates)
#include "tst_crashstates.moc"
