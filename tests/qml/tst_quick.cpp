// Runs the tst_*.qml files of a folder against the real kiosk services and a pack: the
// test pack, or the demo pack for the speech tests (see CMakeLists.txt).
#include "fakeaudiobackend.h"
#include "kioskservices.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickItem>
#include <QPointer>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(Passerelle_KioskPlugin)
Q_IMPORT_QML_PLUGIN(Passerelle_UiPlugin)

using namespace passerelle;

class Setup : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        KioskServices::Options options;
        options.packDir = QStringLiteral(PASSERELLE_TEST_PACK);
        options.today = QDate(2026, 6, 1);
        options.startRoute = QStringLiteral("home");
        // Short enough for a test, long enough for a staff's 3 s long press: a warning after
        // 4 s, the end after 6 s.
        options.idleSeconds = 6;
        options.warningSeconds = 2;
        auto audio = std::make_unique<FakeAudioBackend>();
        FakeAudioBackend *fake = audio.get();
        auto services = KioskServices::open(options, std::move(audio));
        if (!services)
            qFatal("cannot open the test pack: %s", qPrintable(services.problem().toString()));
        m_services = std::move(services.value());
        m_services->installInto(engine);
        engine->rootContext()->setContextProperty(QStringLiteral("FakeAudio"), fake);
        engine->rootContext()->setContextProperty(QStringLiteral("Services"), this);
    }

public:
    /** What the idle timer does at its end, for the tests that cannot wait for it. */
    Q_INVOKABLE void endSession() { m_services->endSession(); }
    /** Sees touches and keys on the test window as the kiosk does (KioskServices::watch). */
    Q_INVOKABLE void watch(QQuickItem *item)
    {
        // Each test file has its own window.
        if (item->window() != m_watchedWindow) {
            m_watcher = m_services->watch(item->window());
            m_watchedWindow = item->window();
        }
    }

private:
    std::unique_ptr<KioskServices> m_services;
    std::unique_ptr<QObject> m_watcher;
    QPointer<QQuickWindow> m_watchedWindow; // a closed window may leave its address to the next
};

QUICK_TEST_MAIN_WITH_SETUP(passerelle, Setup)

#include "tst_quick.moc"
