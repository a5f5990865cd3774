#include "staffcontroller.h"

#include "audiotest.h"
#include "kioskconfig.h"
#include "navigator.h"
#include "repository.h"
#include "staffpin.h"
#include "syncstate.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>
#include <QRegularExpression>

#include <algorithm>
#include <map>

namespace passerelle {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcStaffScreen, "passerelle.staff")

namespace {

static_assert(KioskConfig::kMinExportedCountFloor == UsageCounters::kMinExportedCount,
              "the config's floor for exported counts is the export's");

// Operators read these; one unambiguous form in every language.
QString formatTime(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s) : QString();
}

} // namespace

StaffController::StaffController(QObject *parent) : StaffController(Dependencies{}, parent) {}

StaffController::StaffController(Dependencies deps, QObject *parent) : QObject(parent), m_deps(std::move(deps))
{
    if (!m_deps.today)
        m_deps.today = [] { return QDate::currentDate(); };
    if (m_deps.repository)
        m_signatureKeyId = minisignKeyId(m_deps.repository->pack().manifestPath() + u".minisig"_s);
    if (m_deps.sync)
        connect(m_deps.sync, &SyncStateSource::changed, this, [this] {
            m_syncRequested = false;
            Q_EMIT syncChanged();
        });
    if (m_deps.navigator)
        connect(m_deps.navigator, &Navigator::routeChanged, this, [this] {
            // Leaving the staff screen (or an idle reset) locks it again.
            if (m_deps.navigator->current().kind() != Route::Kind::Staff)
                lock();
        });
    m_pinCountdown.setInterval(1000);
    connect(&m_pinCountdown, &QTimer::timeout, this, [this] {
        Q_EMIT pinStateChanged();
        if (secondsUntilNextAttempt() == 0)
            m_pinCountdown.stop();
    });
    refresh();
}

StaffController::~StaffController() = default;

QString StaffController::kioskName() const { return m_deps.config ? m_deps.config->name : QString(); }
QString StaffController::appVersion() const { return QStringLiteral(PASSERELLE_VERSION); }

QString StaffController::packId() const
{
    return m_deps.repository ? m_deps.repository->pack().manifest().packId : QString();
}

QString StaffController::packVersion() const
{
    return m_deps.repository ? QString::number(m_deps.repository->pack().manifest().version) : QString();
}

QString StaffController::packCreated() const
{
    return m_deps.repository ? formatTime(m_deps.repository->pack().manifest().created) : QString();
}

QString StaffController::packExpires() const
{
    return m_deps.repository ? formatTime(m_deps.repository->pack().manifest().expires) : QString();
}

bool StaffController::isPackExpired() const
{
    if (!m_deps.repository)
        return false;
    const QDateTime expires = m_deps.repository->pack().manifest().expires;
    return expires.isValid() && expires < QDateTime::currentDateTimeUtc();
}

void StaffController::setPackFallbacks(const QList<PackFallback> &fallbacks, const QString &shown)
{
    QStringList lines;
    for (const PackFallback &f : fallbacks)
        lines.append(u"%1 non affiché (%2) : %3"_s.arg(f.pack, packFallbackReasonName(f.reason), f.detail));
    if (!lines.isEmpty())
        lines.append(u"Affiché à la place : "_s + shown);
    m_packFallback = lines.join(u'\n');
    Q_EMIT packChanged();
}

bool StaffController::isSyncRunning() const { return m_deps.sync && m_deps.sync->state().checkStarted.isValid(); }
bool StaffController::hasSynced() const { return m_deps.sync && m_deps.sync->state().lastCheck.isValid(); }
QString StaffController::lastSync() const { return m_deps.sync ? formatTime(m_deps.sync->state().lastCheck) : QString(); }
QString StaffController::lastSyncResult() const { return m_deps.sync ? m_deps.sync->state().result : u"never"_s; }
bool StaffController::isLastSyncSuccess() const { return m_deps.sync && m_deps.sync->state().succeeded(); }
QString StaffController::lastSyncResultText() const
{
    static const QHash<QString, QString> text = {
        {u"never"_s, u"jamais"_s},
        {u"up-to-date"_s, u"à jour"_s},
        {u"staged"_s, u"nouveau paquet prêt (il s'affichera au prochain visiteur)"_s},
        {u"activated"_s, u"nouveau paquet affiché"_s},
        {u"rejected"_s, u"refusé"_s},
        {u"failed"_s, u"échec"_s},
        {u"rolled-back"_s, u"retour au paquet précédent"_s},
    };
    const QString code = lastSyncResult();
    return text.value(code, code);
}

QString StaffController::lastSyncError() const { return m_deps.sync ? m_deps.sync->state().lastError : QString(); }

QString StaffController::exportFolder() const { return m_deps.config ? m_deps.config->exportFolder : QString(); }

bool StaffController::hasAudioOutput() const { return AudioTest::hasOutput(); }
QString StaffController::audioStatus() const { return m_audio ? m_audio->status() : QString(); }

bool StaffController::isPinConfigured() const { return m_deps.pin && m_deps.pin->isConfigured(); }

int StaffController::secondsUntilNextAttempt() const
{
    return m_deps.pin ? int((m_deps.pin->msUntilNextAttempt() + 999) / 1000) : 0;
}

int StaffController::failedAttempts() const { return m_deps.pin ? m_deps.pin->failures() : 0; }

QDate StaffController::today() const { return m_deps.today(); }

QString StaffController::minisignKeyId(const QString &signatureFile)
{
    QFile file(signatureFile);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    // "untrusted comment: ...", then base64 of "ED" (or legacy "Ed") + key id + signature.
    const QList<QByteArray> lines = file.read(8192).split('\n');
    if (lines.size() < 2)
        return {};
    const auto decoded = QByteArray::fromBase64Encoding(lines[1].trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != 74 || decoded.decoded.at(0) != 'E')
        return {};
    // minisign prints the 8 key id bytes as one little-endian 64-bit number in hex.
    QByteArray id = decoded.decoded.mid(2, 8);
    std::reverse(id.begin(), id.end());
    return QString::fromLatin1(id.toHex().toUpper());
}

QString StaffController::exportFileName(const QString &kioskName, const QDate &day)
{
    static const QRegularExpression unsafe(u"[^A-Za-z0-9]+"_s);
    QString slug = kioskName.normalized(QString::NormalizationForm_KD);
    slug.remove(QRegularExpression(u"[\\x{0300}-\\x{036f}]"_s)); // accents go, letters stay
    slug = slug.replace(unsafe, u"-"_s).toLower();
    while (slug.startsWith(u'-'))
        slug.remove(0, 1);
    while (slug.endsWith(u'-'))
        slug.chop(1);
    if (slug.isEmpty())
        slug = u"kiosk"_s;
    return u"passerelle-usage-%1-%2.csv"_s.arg(slug, day.toString(Qt::ISODate));
}

void StaffController::refresh()
{
    if (m_deps.sync) {
        if (auto *file = qobject_cast<SyncStatusFile *>(m_deps.sync))
            file->reload();
    }
    if (!m_deps.counters)
        return;
    const QDate last = today();
    const QDate first = last.addDays(-(kChartDays - 1));
    const QList<UsageCount> counts = m_deps.counters->counts(first, last);

    std::map<QDate, qint64> perDay;
    for (int i = kDayBars - 1; i >= 0; --i)
        perDay[last.addDays(-i)] = 0;
    QHash<QString, qint64> perTopic;
    QHash<QString, qint64> perLanguage;
    for (const UsageCount &c : counts) {
        if (perDay.count(c.day))
            perDay[c.day] += c.count;
        perTopic[c.topic] += c.count;
        perLanguage[c.language] += c.count;
    }

    QList<UsageChartModel::Bar> days;
    for (const auto &[day, count] : perDay)
        days.append({day.toString(u"dd/MM"_s), count});
    m_dayChart.setBars(days);

    // Topics in the pack's order, with their French titles (staff read French); then any
    // topic that is no longer in the pack, by its id.
    const QString staffLanguage = m_deps.repository ? m_deps.repository->sourceLanguage() : QString();
    QList<UsageChartModel::Bar> topics;
    if (m_deps.repository) {
        for (const TopicInfo &t : m_deps.repository->topics(staffLanguage))
            topics.append({t.title, perTopic.take(t.id)});
    }
    QStringList rest = perTopic.keys();
    rest.sort();
    for (const QString &id : rest)
        topics.append({id, perTopic.value(id)});
    m_topicChart.setBars(topics);

    QList<UsageChartModel::Bar> languages;
    if (m_deps.repository) {
        for (const LanguageInfo &l : m_deps.repository->languages())
            if (perLanguage.contains(l.code))
                // The endonym isolated (FSI ... PDI), so "(ar)" stays after it in any direction.
                languages.append({u"\u2068"_s + l.endonym + u"\u2069 ("_s + l.code + u')', perLanguage.take(l.code)});
    }
    rest = perLanguage.keys();
    rest.sort();
    for (const QString &code : rest)
        languages.append({code, perLanguage.value(code)});
    std::stable_sort(languages.begin(), languages.end(),
                     [](const UsageChartModel::Bar &a, const UsageChartModel::Bar &b) { return a.count > b.count; });
    m_languageChart.setBars(languages);
}

void StaffController::syncNow()
{
    qCInfo(lcStaffScreen) << "sync requested from the staff screen";
    m_syncRequested = true;
    Q_EMIT syncChanged();
    Q_EMIT syncRequested();
}

void StaffController::setExportStatus(const QString &status)
{
    if (status == m_exportStatus)
        return;
    m_exportStatus = status;
    Q_EMIT exportStatusChanged();
}

bool StaffController::exportCsv()
{
    if (!m_deps.counters) {
        setExportStatus(u"Pas de comptages sur cette borne (la base d'état ne s'est pas ouverte)."_s);
        return false;
    }
    const QString folder = exportFolder();
    if (folder.isEmpty() || !QFileInfo(folder).isDir()) {
        setExportStatus(u"Pas de clé USB dans %1. Branchez-en une et réessayez."_s.arg(folder));
        return false;
    }
    const QString file = QDir(folder).filePath(exportFileName(kioskName(), today()));
    const int minCount = m_deps.config ? m_deps.config->minExportedCount : UsageCounters::kMinExportedCount;
    if (auto problem = m_deps.counters->exportCsv(file, minCount)) {
        qCWarning(lcStaffScreen).noquote() << problem->toString();
        setExportStatus(u"L'export a échoué : %1"_s.arg(problem->message));
        return false;
    }
    qCInfo(lcStaffScreen) << "usage counts exported to" << file;
    setExportStatus(u"Enregistré : %1. Vous pouvez retirer la clé USB."_s.arg(file));
    return true;
}

void StaffController::playTestTone()
{
    if (!m_audio) {
        m_audio = new AudioTest(m_deps.config ? m_deps.config->audioOutput : QString(), this);
        connect(m_audio, &AudioTest::statusChanged, this, &StaffController::audioStatusChanged);
    }
    m_audio->play();
}

void StaffController::setUnlocked(bool unlocked)
{
    if (unlocked == m_unlocked)
        return;
    m_unlocked = unlocked;
    if (unlocked)
        refresh();
    Q_EMIT unlockedChanged();
}

bool StaffController::unlock(const QString &pin)
{
    if (!m_deps.pin)
        return false;
    const StaffPin::Outcome outcome = m_deps.pin->attempt(pin);
    if (m_deps.pin->msUntilNextAttempt() > 0)
        m_pinCountdown.start();
    Q_EMIT pinStateChanged();
    setUnlocked(outcome == StaffPin::Outcome::Accepted);
    return m_unlocked;
}

void StaffController::lock()
{
    setUnlocked(false);
    setExportStatus({});
}

void StaffController::unlockWithoutPin()
{
    setUnlocked(true);
}

} // namespace passerelle
