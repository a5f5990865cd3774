// Runs the tst_*.qml files against the real kiosk services and the test pack.
#include "kioskservices.h"

#include <QQmlEngine>
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
        auto services = KioskServices::open(options);
        if (!services)
            qFatal("cannot open the test pack: %s", qPrintable(services.problem().toString()));
        m_services = std::move(services.value());
        m_services->installInto(engine);
    }

private:
    std::unique_ptr<KioskServices> m_services;
};

QUICK_TEST_MAIN_WITH_SETUP(passerelle, Setup)

#include "tst_quick.moc"
