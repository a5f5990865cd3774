// Sync benchmarks (SYNC.md / issue 6), printed against their targets:
//   1. a one-page French edit of the demo pack: bytes transferred, at most the changed
//      objects + manifest + signature, and what a full download would cost;
//   2. hash verification throughput (target >= 300 MB/s);
//   3. a 500 MB synthetic pack synced over loopback from nginx: CPU time / wall time
//      (target < 1 core);
//   4. the switch time (target < 50 ms whatever the pack size), small and 500 MB packs.
// Run: cmake --build build --target sync-bench   (or ctest --test-dir build -L bench -V)
#include "nginxserver.h"
#include "objectwriter.h"
#include "packsignature.h"
#include "packstore.h"
#include "sha256.h"
#include "sha256stream.h"
#include "synctesthelpers.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QStandardPaths>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace passerelle;
using namespace passerelle::sync;
using namespace passerelle::synctest;
using namespace Qt::StringLiterals;

namespace {

bool g_allMet = true;

void line(const char *label, const QString &value, const QString &target = {}, std::optional<bool> met = {})
{
    std::printf("  %-44s %18s", label, qPrintable(value));
    if (!target.isEmpty())
        std::printf("   target %-16s %s", qPrintable(target), met.value_or(true) ? "met" : "NOT MET");
    std::printf("\n");
    if (met && !*met)
        g_allMet = false;
}

QString bytes(qint64 n) { return QLocale(QLocale::English).toString(n) + u" B"_s; }
QString mbps(double mb, double seconds) { return QString::number(mb / seconds, 'f', 0) + u" MB/s"_s; }
QString ms(double v) { return QString::number(v, 'f', 2) + u" ms"_s; }

double cpuSeconds()
{
    timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

qint64 sizeOf(const QString &file) { return QFileInfo(file).size(); }

/** Median and max of n switches between two staged versions of one store. */
std::pair<double, double> switchTimes(PackStore &store, qint64 a, qint64 b, int n)
{
    QList<double> times;
    for (int i = 0; i < n; ++i) {
        QElapsedTimer t;
        t.start();
        Result<std::shared_ptr<Pack>> pack = store.activate(i % 2 ? a : b);
        times.append(double(t.nsecsElapsed()) / 1e6);
        if (!pack)
            qFatal("switch failed: %s", qPrintable(pack.problem().toString()));
    }
    std::sort(times.begin(), times.end());
    return {times[times.size() / 2], times.last()};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QLoggingCategory::setFilterRules(u"passerelle.*.info=false\npasserelle.*.debug=false"_s);
    Workspace ws;
    QDir().mkpath(ws.path(u"www"_s));
    NginxServer nginx;
    if (!nginx.start(ws.path(u"www"_s)))
        qFatal("nginx: %s", qPrintable(nginx.errorString()));

    // ---------------------------------------------------------------------------------
    std::printf("\n1. One-page French edit of the demo pack (content/), over HTTP from nginx\n");
    Workspace::PackOptions o1;
    o1.contentDir = sourceDir() + u"/content"_s;
    o1.packId = u"namur-demo"_s;
    o1.version = 1;
    Workspace::PackOptions o2 = o1;
    o2.version = 2;
    o2.editPage = u"pages/health/amu-confidential.fr.md"_s;
    o2.pageEdit = u"Le CPAS vous répond par écrit."_s;
    const QString demo1 = ws.buildPack(u"demo-v1"_s, o1);
    const QString demo2 = ws.buildPack(u"demo-v2"_s, o2);
    if (demo1.isEmpty() || demo2.isEmpty())
        qFatal("cannot build the demo pack");
    const QString tree = ws.path(u"www/demo"_s);
    Workspace::publish(demo1, tree);
    const QString store = ws.path(u"store-demo"_s);
    auto syncer = makeSyncer(testConfig(ws, store, {nginx.baseUrl() + u"demo/"_s}));
    if (!syncer || runCheck(*syncer) != Syncer::Outcome::Staged || !syncer->activateStaged())
        qFatal("cannot install demo v1");
    Workspace::publish(demo2, tree);
    const qint64 bodyBefore = nginx.bodyBytesSent();
    const qint64 allBefore = nginx.bytesSent();
    if (runCheck(*syncer) != Syncer::Outcome::Staged)
        qFatal("demo v2 not staged: %s", qPrintable(syncer->lastError()));
    const qint64 body = nginx.bodyBytesSent() - bodyBefore;
    const qint64 all = nginx.bytesSent() - allBefore;
    const PackManifest m1 = Workspace::manifest(demo1);
    const PackManifest m2 = Workspace::manifest(demo2);
    qint64 changed = 0;
    int changedCount = 0;
    for (const PackObject &o : m2.objects) {
        if (!m1.objects.contains(o)) {
            changed += o.size;
            ++changedCount;
        }
    }
    const qint64 manifestAndSig = sizeOf(demo2 + u"/manifest.json"_s) + sizeOf(demo2 + u"/manifest.json.minisig"_s);
    const qint64 bound = changed + manifestAndSig;
    line("objects in the pack", QString::number(m2.objects.size()));
    line("objects changed by the edit", QString::number(changedCount));
    line("changed objects", bytes(changed));
    line("manifest + signature", bytes(manifestAndSig));
    line("transferred (response bodies)", bytes(body), u"<= "_s + bytes(bound), body <= bound);
    line("transferred (with HTTP headers)", bytes(all));
    line("a full download would be", bytes(m2.totalSize() + manifestAndSig));
    QElapsedTimer smallSwitch;
    smallSwitch.start();
    if (!syncer->store().activate(2))
        qFatal("switch failed");
    const double firstSmallSwitch = double(smallSwitch.nsecsElapsed()) / 1e6;
    syncer.reset();

    // ---------------------------------------------------------------------------------
    std::printf("\n2. Hash verification throughput (256 MB, in 256 KB chunks as received)\n");
    const qint64 size = 256LL * 1024 * 1024;
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator random(42);
    random.fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
    {
        Sha256Stream stream;
        QElapsedTimer t;
        t.start();
        for (qint64 i = 0; i < size; i += 256 * 1024)
            stream.update(data.constData() + i, 256 * 1024);
        const QString digest = stream.finishHex();
        const double s = double(t.nsecsElapsed()) / 1e9;
        line("SHA-256 as objects are verified (libcrypto)", mbps(256, s), u">= 300 MB/s"_s, 256 / s >= 300);
        t.restart();
        const QString reference = sha256Hex(data);
        const double s2 = double(t.nsecsElapsed()) / 1e9;
        line("for comparison: libsodium's SHA-256", mbps(256, s2));
        if (reference != digest)
            qFatal("the two SHA-256 disagree");
    }
    {
        Result<std::unique_ptr<PackStore>> hashStore = PackStore::open(ws.path(u"store-hash"_s));
        const PackObject object{Sha256Stream::hex(data), size, u"audio/ogg"_s, u"audio"_s};
        QElapsedTimer t;
        t.start();
        auto writer = hashStore.value()->createObjectWriter(object);
        for (qint64 i = 0; i < size; i += 256 * 1024) {
            if (writer.value()->write(data.constData() + i, 256 * 1024))
                qFatal("write failed");
        }
        if (writer.value()->commit())
            qFatal("commit failed");
        const double s = double(t.nsecsElapsed()) / 1e9;
        line("receive into the store: hash + write + fsync", mbps(256, s));
    }
    data = QByteArray();

    // ---------------------------------------------------------------------------------
    std::printf("\n3. A 500 MB synthetic pack over loopback from nginx\n");
    const QString base = ws.buildPack(u"big-base"_s, Workspace::options(1, 2));
    const QString bigTree = ws.path(u"www/big"_s);
    Workspace::publish(base, bigTree);
    PackManifest big = Workspace::manifest(base);
    big.version = 2;
    QByteArray chunk(5 * 1024 * 1024, Qt::Uninitialized);
    for (int i = 0; i < 100; ++i) {
        random.fillRange(reinterpret_cast<quint32 *>(chunk.data()), chunk.size() / 4);
        const QString hash = Sha256Stream::hex(chunk);
        Workspace::write(bigTree + u"/objects/"_s + hash, chunk);
        big.objects.append(PackObject{hash, chunk.size(), u"audio/ogg"_s, u"audio"_s});
    }
    const QByteArray bigManifest = big.serialize();
    Workspace::write(bigTree + u"/manifest.json"_s, bigManifest);
    Workspace::write(bigTree + u"/manifest.json.minisig"_s, signManifest(bigManifest, ws.key()).value());
    const QString bigStore = ws.path(u"store-big"_s);
    SyncConfig config = testConfig(ws, bigStore, {nginx.baseUrl() + u"big/"_s});
    syncer = makeSyncer(config);
    const double cpu0 = cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    const std::optional<Syncer::Outcome> outcome = runCheck(*syncer, 600000);
    const double wallSeconds = double(wall.nsecsElapsed()) / 1e9;
    const double cpu = cpuSeconds() - cpu0;
    if (outcome != Syncer::Outcome::Staged)
        qFatal("the 500 MB pack was not staged: %s", qPrintable(syncer->lastError()));
    const double megabytes = double(big.totalSize()) / 1048576.0;
    line("pack size", bytes(big.totalSize()));
    line("wall time", QString::number(wallSeconds, 'f', 2) + u" s"_s);
    line("throughput", mbps(megabytes, wallSeconds));
    line("CPU time of the syncing process", QString::number(cpu, 'f', 2) + u" s"_s);
    line("CPU time / wall time", QString::number(cpu / wallSeconds, 'f', 2) + u" core"_s, u"< 1 core"_s,
         cpu / wallSeconds < 1.0);

    // ---------------------------------------------------------------------------------
    std::printf("\n4. The switch (rename of `current`, then the new pack opened)\n");
    QElapsedTimer firstBig;
    firstBig.start();
    if (!syncer->store().activate(2))
        qFatal("switch failed");
    const double firstBigSwitch = double(firstBig.nsecsElapsed()) / 1e6;
    const QByteArray demoLabel = u"demo pack (%1 MB), first switch"_s.arg(double(m2.totalSize()) / 1048576.0, 0, 'f', 1).toUtf8();
    line(demoLabel.constData(), ms(firstSmallSwitch), u"< 50 ms"_s, firstSmallSwitch < 50);
    line("500 MB pack, first switch", ms(firstBigSwitch), u"< 50 ms"_s, firstBigSwitch < 50);
    syncer.reset();
    {
        // Back and forth between two staged versions, 21 times each store.
        Result<std::unique_ptr<PackStore>> demoStore = PackStore::open(store);
        const auto [median, worst] = switchTimes(*demoStore.value(), 1, 2, 21);
        line("demo pack, median of 21 switches", ms(median), u"< 50 ms"_s, median < 50);
        line("demo pack, slowest of 21", ms(worst));
    }
    {
        Result<std::unique_ptr<PackStore>> bigOpened = PackStore::open(bigStore);
        PackStore &s = *bigOpened.value();
        // The base pack as version 1 in the same store (its objects are all there).
        PackManifest small = Workspace::manifest(base);
        if (auto problem = s.stage(Workspace::read(base + u"/manifest.json"_s), Workspace::read(base + u"/manifest.json.minisig"_s), small))
            qFatal("%s", qPrintable(problem->toString()));
        const auto [median, worst] = switchTimes(s, 1, 2, 21);
        line("500 MB pack, median of 21 switches", ms(median), u"< 50 ms"_s, median < 50);
        line("500 MB pack, slowest of 21", ms(worst));
        QElapsedTimer gc;
        gc.start();
        (void)s.activate(2);
        const PackStore::Collected collected = s.collectGarbage();
        line("garbage collection after it (not in the switch)", ms(double(gc.nsecsElapsed()) / 1e6) + u", %1 packs"_s.arg(collected.packs));
    }
    std::printf("\n%s\n", g_allMet ? "All targets met." : "Some targets NOT met.");
    return g_allMet ? 0 : 1;
}
