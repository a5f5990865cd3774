// The kiosk's side of sync (KioskSync, from the [sync] settings): with no source, USB
// sticks still bring packs ("sources = " is documented as "USB sticks only"), and the
// new pack is switched to on the attract screen. A real store, a real signed pack on a
// folder standing for a mounted stick, the MountWatcher noticing it.
#include "kiosksync.h"
#include "navigator.h"
#include "syncer.h"
#include "workspace.h"

#include <QDir>
#include <QStandardPaths>
#include <QTest>

using namespace passerelle;
using namespace passerelle::synctest;
using namespace Qt::StringLiterals;

class TestKioskSync : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Workspace> m_ws;
    QString m_v1;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_ws = std::make_unique<Workspace>();
        m_v1 = m_ws->buildPack(u"v1"_s, Workspace::options(1, 1));
        QVERIFY(!m_v1.isEmpty());
    }

    void usbOnlyWithNoSources()
    {
        const QString media = m_ws->path(u"media"_s);
        QVERIFY(QDir().mkpath(media));
        const KioskConfig::Loaded loaded = KioskConfig::parse(
            u"[sync]\nsources =\ntrusted_keys = %1\nusb_mount_parents = %2\n[storage]\nstate_directory = %3\n"_s
                .arg(m_ws->publicKeyFile(), media, m_ws->path(u"store"_s))
                .toUtf8(),
            u"test.conf"_s);
        QVERIFY2(loaded.problems.isEmpty(), qPrintable(loaded.problems.value(0).toString()));
        QVERIFY(loaded.config.syncSources.isEmpty());
        Navigator navigator(Route(Route::Kind::Attract));
        const std::unique_ptr<KioskSync> sync = KioskSync::start(loaded.config, navigator, nullptr);
        QVERIFY(sync);
        // A stick is mounted whole: publish aside, then one rename.
        QVERIFY(Workspace::publish(m_v1, m_ws->path(u"stick/passerelle"_s)));
        QVERIFY(QDir().rename(m_ws->path(u"stick"_s), media + u"/usb0"_s));
        // Staged from the stick, then switched to at once: the attract screen shows.
        QTRY_VERIFY_WITH_TIMEOUT(sync->restartRequested(), 20000);
        QCOMPARE(sync->syncer().activeVersion(), 1);
        QCOMPARE(sync->syncer().status().source, media + u"/usb0/passerelle"_s);
    }
};

QTEST_GUILESS_MAIN(TestKioskSync)
#include "tst_kiosksync.moc"
