#include "outofservice.h"

#include "bidi.h"
#include "healthreport.h"
#include "kiosksync.h"
#include "navigator.h"
#include "systemdnotify.h"

#include "fsutil.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTranslator>
#include <QVariantMap>

namespace passerelle {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcOutOfService, "passerelle.outofservice")

namespace {

// The languages of the UI translations (translations/CMakeLists.txt), in that order.
const QStringList kUiLanguages = {u"fr"_s, u"en"_s, u"ar"_s, u"prs"_s, u"ps"_s,
                                  u"ti"_s, u"uk"_s, u"ru"_s, u"tr"_s, u"so"_s};
const QStringList kRightToLeft = {u"ar"_s, u"prs"_s, u"ps"_s, u"fa"_s, u"ur"_s, u"he"_s};

// Built in, because there is no pack to take them from. Sources: ../shared/DOMAIN.md,
// "Numbers": 112 emergencies; 1733 doctor on duty, evenings and weekends, throughout
// Wallonia [S7], +32 2 524 98 89 from a foreign SIM card [S8]; 070 245 245 Centre
// Antipoisons, free, 24/7 [S77].
constexpr auto kEmergencyNumber = "112";
constexpr auto kDoctorOnDutyNumber = "1733";
constexpr auto kDoctorOnDutyForeignNumber = "+32 2 524 98 89";
constexpr auto kPoisonCentreNumber = "070 245 245";

const char *const kTitle = QT_TRANSLATE_NOOP("OutOfService", "Out of service");
const char *const kMessage = QT_TRANSLATE_NOOP(
    "OutOfService", "This kiosk cannot show its information at the moment. Please ask at the reception desk.");
const char *const kEmergencies = QT_TRANSLATE_NOOP("OutOfService", "Emergencies");
//: 1733, the doctor on duty when the GP's practice is closed
const char *const kDoctorOnDuty = QT_TRANSLATE_NOOP("OutOfService", "Doctor on duty, evenings and weekends");
//: Followed by the number to call from a phone with a foreign SIM card
const char *const kForeignSim = QT_TRANSLATE_NOOP("OutOfService", "From a foreign SIM card");
const char *const kPoisonCentre = QT_TRANSLATE_NOOP("OutOfService", "Poison centre, free, day and night");

/** What the start path reads, by name, size and time: a change is worth a new look. */
QString storeFingerprint(const KioskConfig &config)
{
    const QDir state(config.stateDirectory);
    QStringList parts{sync::fs::readSymlink(state.filePath(u"current"_s)), sync::fs::readSymlink(state.filePath(u"previous"_s))};
    QStringList files;
    for (const QFileInfo &pack : QDir(state.filePath(u"packs"_s)).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot))
        files.append(pack.filePath() + u"/manifest.json"_s);
    files.append(QDir(config.firstPack).filePath(u"manifest.json"_s));
    for (const QString &file : std::as_const(files)) {
        const QFileInfo info(file);
        parts.append(u"%1 %2 %3"_s.arg(file).arg(info.size()).arg(info.lastModified().toMSecsSinceEpoch()));
    }
    // A sync renames new objects into the store; a package copies them into the first pack
    // (maybe while this runs: a look in the middle of the copy must not be the last).
    for (const QString &dir : {state.filePath(u"objects"_s), QDir(config.firstPack).filePath(u"objects"_s)}) {
        const QDir objects(dir);
        parts.append(u"%1 %2 %3"_s.arg(dir).arg(objects.count()).arg(
            QFileInfo(dir).lastModified().toMSecsSinceEpoch()));
    }
    return parts.join(u'\n');
}

} // namespace

OutOfService::OutOfService(KioskConfig config, StartPack start, Mode mode, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_start(std::move(start)), m_mode(mode)
{
    m_uptime.start();
    m_notifier = std::make_unique<SystemdNotifier>();
    m_health = std::make_unique<HealthReporter>(m_config.healthTextfile, m_config.healthIntervalSeconds, [this] {
        HealthSnapshot s;
        s.kioskName = m_config.name;
        s.version = QStringLiteral(PASSERELLE_VERSION);
        s.uptimeSeconds = m_uptime.elapsed() / 1000;
        s.packFallbacks = m_start.fallbackReasonNames();
        s.outOfService = true;
        return s;
    });
    m_retry.setInterval(60 * 1000);
    m_storeSeen = storeFingerprint(m_config);
    connect(&m_retry, &QTimer::timeout, this, [this] {
        // Verified again only when something changed (an operator, a sync): the journal
        // gets the reasons once, not every minute.
        const QString seen = storeFingerprint(m_config);
        if (seen == m_storeSeen)
            return;
        m_storeSeen = seen;
        // Read only: the syncer of this process holds the store's lock.
        const StartPack again = choosePackAtStart(m_config, StartMode::ReadOnly);
        if (!again.isUsable())
            return;
        qCInfo(lcOutOfService) << "a usable pack is there again: restarting on it";
        m_restart = true;
        QCoreApplication::exit(0);
    });
}

OutOfService::~OutOfService()
{
    // The window goes before the notices it shows.
    m_engine.reset();
}

QStringList OutOfService::languages(const KioskConfig &config)
{
    return config.languages.isEmpty() ? kUiLanguages : config.languages;
}

QVariantList OutOfService::notices(const QStringList &languages)
{
    QVariantList list;
    for (const QString &code : languages) {
        QTranslator translator;
        const bool loaded = translator.load(u":/i18n/passerelle_"_s + code + u".qm"_s);
        auto tr = [&](const char *source) {
            const QString text = loaded ? translator.translate("OutOfService", source) : QString();
            return text.isEmpty() ? QString::fromUtf8(source) : text;
        };
        const bool rtl = kRightToLeft.contains(code);
        // Numbers read left to right inside right-to-left lines, and keep their order.
        auto line = [rtl](const char *number, const QString &label) {
            return withBaseDirection(isolateLeftToRight(QString::fromLatin1(number)) + u"  "_s + label, rtl);
        };
        list.append(QVariantMap{
            {u"code"_s, code},
            {u"rightToLeft"_s, rtl},
            {u"title"_s, withBaseDirection(tr(kTitle), rtl)},
            {u"message"_s, withBaseDirection(tr(kMessage), rtl)},
            {u"lines"_s, QStringList{line(kEmergencyNumber, tr(kEmergencies)), line(kDoctorOnDutyNumber, tr(kDoctorOnDuty)),
                                     withBaseDirection(tr(kForeignSim) + u": "_s
                                                           + isolateLeftToRight(QString::fromLatin1(kDoctorOnDutyForeignNumber)),
                                                       rtl),
                                     line(kPoisonCentreNumber, tr(kPoisonCentre))}},
        });
    }
    return list;
}

QStringList OutOfService::numbers()
{
    return {QString::fromLatin1(kEmergencyNumber), QString::fromLatin1(kDoctorOnDutyNumber),
            QString::fromLatin1(kPoisonCentreNumber)};
}

bool OutOfService::loadUi()
{
    m_engine = std::make_unique<QQmlApplicationEngine>();
    m_engine->addImportPath(u"qrc:/qt/qml"_s);
    m_engine->setInitialProperties({{u"notices"_s, notices(languages(m_config))}, {u"numbers"_s, numbers()}});
    m_engine->load(QUrl(u"qrc:/qt/qml/Passerelle/Ui/OutOfService.qml"_s));
    return window() != nullptr;
}

QQuickWindow *OutOfService::window() const
{
    if (!m_engine)
        return nullptr;
    const auto roots = m_engine->rootObjects();
    return roots.isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(roots.first());
}

void OutOfService::start()
{
    if (m_mode != Mode::Kiosk)
        return;
    m_health->start();
    connect(window(), &QQuickWindow::frameSwapped, this, [this] {
        if (m_ready)
            return;
        m_ready = true;
        m_notifier->ready(u"out of service: no usable pack"_s);
        qCWarning(lcOutOfService).noquote() << "kiosk" << m_config.name << "is out of service: no usable pack; looking again every"
                                            << m_retry.interval() << "ms";
    }, Qt::QueuedConnection);
    m_retry.start();
    m_navigator = std::make_unique<Navigator>(Route(Route::Kind::Attract));
    m_navigator->reset(Route(Route::Kind::Attract)); // nobody can use it: a new pack may switch in at once
    m_sync = KioskSync::start(m_config, *m_navigator, nullptr);
}

void OutOfService::shutdown()
{
    if (m_mode != Mode::Kiosk)
        return;
    m_notifier->stopping();
    m_health->writeFinal();
}

bool OutOfService::restartRequested() const { return m_restart || (m_sync && m_sync->restartRequested()); }

} // namespace passerelle
