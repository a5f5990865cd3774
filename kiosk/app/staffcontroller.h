#pragma once

#include "packstartup.h"
#include "usagecounters.h"

#include <QDate>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace passerelle {

class AudioTest;
class Navigator;
class Repository;
class StaffPin;
class SyncStateSource;
struct KioskConfig;

/**
 * What the staff screen shows and does (in French, the staff's working language): the kiosk, its pack, its last sync, the audio
 * test, anonymous usage counts as charts, and their CSV export to the USB stick folder
 * of the config. Everything is read-only for QML; the actions are invokables. The
 * screen is unlocked by the staff PIN and locks again as soon as the route leaves it.
 */
class StaffController : public QObject
{
    Q_OBJECT

    Q_PROPERTY(QString kioskName READ kioskName CONSTANT FINAL)
    Q_PROPERTY(QString appVersion READ appVersion CONSTANT FINAL)
    Q_PROPERTY(QString packId READ packId NOTIFY packChanged FINAL)
    Q_PROPERTY(QString packVersion READ packVersion NOTIFY packChanged FINAL)
    Q_PROPERTY(QString packCreated READ packCreated NOTIFY packChanged FINAL)
    Q_PROPERTY(QString packExpires READ packExpires NOTIFY packChanged FINAL)
    Q_PROPERTY(bool isPackExpired READ isPackExpired NOTIFY packChanged FINAL)
    Q_PROPERTY(QString signatureKeyId READ signatureKeyId NOTIFY packChanged FINAL)
    Q_PROPERTY(bool hasPackFallback READ hasPackFallback NOTIFY packChanged FINAL)
    Q_PROPERTY(QString packFallback READ packFallback NOTIFY packChanged FINAL)

    Q_PROPERTY(bool hasSynced READ hasSynced NOTIFY syncChanged FINAL)
    Q_PROPERTY(QString lastSync READ lastSync NOTIFY syncChanged FINAL)
    Q_PROPERTY(QString lastSyncResult READ lastSyncResult NOTIFY syncChanged FINAL)
    Q_PROPERTY(QString lastSyncResultText READ lastSyncResultText NOTIFY syncChanged FINAL)
    Q_PROPERTY(bool isLastSyncSuccess READ isLastSyncSuccess NOTIFY syncChanged FINAL)
    Q_PROPERTY(QString lastSyncError READ lastSyncError NOTIFY syncChanged FINAL)
    Q_PROPERTY(bool isSyncRequested READ isSyncRequested NOTIFY syncChanged FINAL)
    Q_PROPERTY(bool isSyncRunning READ isSyncRunning NOTIFY syncChanged FINAL)

    Q_PROPERTY(int chartDays READ chartDays CONSTANT FINAL)
    Q_PROPERTY(passerelle::UsageChartModel *dayChart READ dayChart CONSTANT FINAL)
    Q_PROPERTY(passerelle::UsageChartModel *topicChart READ topicChart CONSTANT FINAL)
    Q_PROPERTY(passerelle::UsageChartModel *languageChart READ languageChart CONSTANT FINAL)
    Q_PROPERTY(bool hasUsageCounts READ hasUsageCounts CONSTANT FINAL)

    Q_PROPERTY(QString exportFolder READ exportFolder CONSTANT FINAL)
    Q_PROPERTY(QString exportStatus READ exportStatus NOTIFY exportStatusChanged FINAL)
    Q_PROPERTY(bool hasAudioOutput READ hasAudioOutput NOTIFY audioStatusChanged FINAL)
    Q_PROPERTY(QString audioStatus READ audioStatus NOTIFY audioStatusChanged FINAL)

    Q_PROPERTY(bool isPinConfigured READ isPinConfigured CONSTANT FINAL)
    Q_PROPERTY(bool isUnlocked READ isUnlocked NOTIFY unlockedChanged FINAL)
    Q_PROPERTY(int secondsUntilNextAttempt READ secondsUntilNextAttempt NOTIFY pinStateChanged FINAL)
    Q_PROPERTY(int failedAttempts READ failedAttempts NOTIFY pinStateChanged FINAL)

public:
    struct Dependencies
    {
        const KioskConfig *config = nullptr;
        const Repository *repository = nullptr;
        UsageCounters *counters = nullptr;
        SyncStateSource *sync = nullptr;
        StaffPin *pin = nullptr;
        Navigator *navigator = nullptr;
        std::function<QDate()> today;
    };

    /** With no dependencies (a QML test that never made the kiosk), every value is empty. */
    explicit StaffController(QObject *parent = nullptr);
    explicit StaffController(Dependencies deps, QObject *parent = nullptr);
    ~StaffController() override;

    [[nodiscard]] QString kioskName() const;
    [[nodiscard]] QString appVersion() const;
    [[nodiscard]] QString packId() const;
    [[nodiscard]] QString packVersion() const;
    [[nodiscard]] QString packCreated() const;
    [[nodiscard]] QString packExpires() const;
    [[nodiscard]] bool isPackExpired() const;
    [[nodiscard]] QString signatureKeyId() const { return m_signatureKeyId; }
    [[nodiscard]] bool hasPackFallback() const { return !m_packFallback.isEmpty(); }
    /** Why the kiosk does not show its store's active pack (French, details as logged); empty when it does. */
    [[nodiscard]] QString packFallback() const { return m_packFallback; }
    /** What the start path passed over (choosePackAtStart()), and what it shows instead. */
    void setPackFallbacks(const QList<PackFallback> &fallbacks, const QString &shown);

    [[nodiscard]] bool hasSynced() const;
    [[nodiscard]] QString lastSync() const;
    /** never, up-to-date, staged, activated, rejected, failed, rolled-back. */
    [[nodiscard]] QString lastSyncResult() const;
    /** The result in French, for the staff screen. */
    [[nodiscard]] QString lastSyncResultText() const;
    [[nodiscard]] bool isLastSyncSuccess() const;
    [[nodiscard]] QString lastSyncError() const;
    [[nodiscard]] bool isSyncRequested() const { return m_syncRequested; }
    /** A check is under way (asking again abandons it and starts a new one). */
    [[nodiscard]] bool isSyncRunning() const;

    [[nodiscard]] int chartDays() const { return kChartDays; }
    [[nodiscard]] UsageChartModel *dayChart() { return &m_dayChart; }
    [[nodiscard]] UsageChartModel *topicChart() { return &m_topicChart; }
    [[nodiscard]] UsageChartModel *languageChart() { return &m_languageChart; }
    [[nodiscard]] bool hasUsageCounts() const { return m_deps.counters != nullptr; }

    [[nodiscard]] QString exportFolder() const;
    [[nodiscard]] QString exportStatus() const { return m_exportStatus; }
    [[nodiscard]] bool hasAudioOutput() const;
    [[nodiscard]] QString audioStatus() const;

    [[nodiscard]] bool isPinConfigured() const;
    [[nodiscard]] bool isUnlocked() const { return m_unlocked; }
    [[nodiscard]] int secondsUntilNextAttempt() const;
    [[nodiscard]] int failedAttempts() const;

    /** The key id of a minisign signature file (as `minisign -V` prints it), or empty. */
    [[nodiscard]] static QString minisignKeyId(const QString &signatureFile);
    /** The export file name for a kiosk and a day: passerelle-usage-<name>-<yyyy-MM-dd>.csv. */
    [[nodiscard]] static QString exportFileName(const QString &kioskName, const QDate &day);

    /** Reads the counts and the sync state again; the page calls it when it opens. */
    Q_INVOKABLE void refresh();
    /** Asks for a sync now; the syncer is connected to syncRequested(). */
    Q_INVOKABLE void syncNow();
    /** Writes every count to the export folder; true on success (see exportStatus). */
    Q_INVOKABLE bool exportCsv();
    Q_INVOKABLE void playTestTone();
    /** Checks a PIN (with the growing delay after wrong ones); true when it opens the screen. */
    Q_INVOKABLE bool unlock(const QString &pin);
    Q_INVOKABLE void lock();
    /** For the command line (--route staff): whoever runs it has the machine anyway. */
    void unlockWithoutPin();

Q_SIGNALS:
    void packChanged();
    void syncChanged();
    void syncRequested();
    void exportStatusChanged();
    void audioStatusChanged();
    void unlockedChanged();
    void pinStateChanged();

private:
    static constexpr int kChartDays = 30;
    static constexpr int kDayBars = 14;
    void setExportStatus(const QString &status);
    void setUnlocked(bool unlocked);
    [[nodiscard]] QDate today() const;

    Dependencies m_deps;
    QString m_signatureKeyId;
    QString m_packFallback;
    bool m_syncRequested = false;
    bool m_unlocked = false;
    QString m_exportStatus;
    UsageChartModel m_dayChart;
    UsageChartModel m_topicChart;
    UsageChartModel m_languageChart;
    AudioTest *m_audio = nullptr;
    QTimer m_pinCountdown;
};

} // namespace passerelle
