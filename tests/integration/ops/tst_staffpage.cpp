// Runs quick/tst_staffpage.qml: the real staff page, with the real Operations over the
// test pack, a temporary state directory and a known staff PIN.
#include "fakeaudiobackend.h"
#include "kioskconfig.h"
#include "kioskservices.h"
#include "operations.h"
#include "staffpin.h"

#include <QQmlEngine>
#include <QTemporaryDir>
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
        options.startRoute = QStringLiteral("home");
        auto services = KioskServices::open(options, std::make_unique<FakeAudioBackend>());
        if (!services)
            qFatal("cannot open the test pack: %s", qPrintable(services.problem().toString()));
        m_services = std::move(services.value());
        m_services->installInto(engine);

        KioskConfig config;
        config.name = QStringLiteral("Quick test kiosk");
        config.stateDirectory = m_state.path();
        config.exportFolder = m_state.filePath(QStringLiteral("usb"));
        config.staffPinHash = StaffPin::hash(QStringLiteral("135790"));
        config.pxPerMm = 4.0;
        // Kiosk mode: usage is counted into the temporary state directory; start() is not called.
        m_ops = std::make_unique<Operations>(config, *m_services, Operations::Mode::Kiosk);
        m_ops->installIntoQml();
    }

    void cleanupTestCase()
    {
        m_ops.reset();
        m_services.reset();
    }

private:
    QTemporaryDir m_state;
    std::unique_ptr<KioskServices> m_services;
    std::unique_ptr<Operations> m_ops;
};

QUICK_TEST_MAIN_WITH_SETUP(passerelle_ops, Setup)

#include "tst_staffpage.moc"
